import { useState } from "react";
import { Button } from "antd";
import { PartitionOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { IncidentFilter } from "../bindings";
import { NewProblemModal } from "./NewProblemModal";

/** On the board: the incidents the current filter shows become (part of) one systemic problem. */
export function FileToProblemButton({ filter }: { filter: IncidentFilter }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<PartitionOutlined />} onClick={() => setOpen(true)} data-testid="file-to-problem">
        {t("problems.fileButton")}
      </Button>
      {open && <NewProblemModal link={filter} onClose={() => setOpen(false)} />}
    </>
  );
}
