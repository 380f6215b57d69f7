import { App, Button, Space } from "antd";
import { FileMarkdownOutlined, FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type ProposalFormat } from "../../bindings";
import { unwrap } from "../../lib/api";
import { errorText } from "../../lib/errors";

const FORMATS: { format: ProposalFormat; icon: React.ReactNode; label: string }[] = [
  { format: "docx", icon: <FileWordOutlined />, label: "DOCX" },
  { format: "pdf", icon: <FilePdfOutlined />, label: "PDF" },
  { format: "markdown", icon: <FileMarkdownOutlined />, label: "Markdown" },
];

/** Exports the saved draft through the save dialog; unsaved edits are saved first by the caller. */
export function ExportBar({ draftId, beforeExport }: { draftId: number; beforeExport: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const run = useMutation({
    mutationFn: async (format: ProposalFormat) => {
      await beforeExport();
      return unwrap(commands.proposalExport(draftId, format));
    },
  });
  const go = (format: ProposalFormat) =>
    run
      .mutateAsync(format)
      .then((done) => {
        if (!done) return;
        message.success(t("proposals.exported", { path: done.path }));
        if (done.missingGlyphs.length > 0) modal.warning({ title: t("proposals.missingGlyphs"), content: done.missingGlyphs.join(" ") });
      })
      .catch((e) => message.error(errorText(t, e)));
  return (
    <Space wrap>
      {FORMATS.map((f) => (
        <Button key={f.format} icon={f.icon} onClick={() => go(f.format)} loading={run.isPending && run.variables === f.format} data-testid={`proposal-export-${f.format}`}>
          {f.label}
        </Button>
      ))}
    </Space>
  );
}
