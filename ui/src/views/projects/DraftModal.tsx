import { useState } from "react";
import { Input, Modal, Spin } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type Touchpoint } from "../../bindings";
import { QueryState } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { unwrap } from "../../lib/api";
import { WS } from "../../lib/queries";
import { CopyButton } from "../../components/CopyButton";

/**
 * The core's drafted message for a follow-up: it brings something new (a result, data, a next step)
 * instead of only pressing. Editable here before copying into chat or mail; nothing is sent.
 */
export function DraftModal({ touchpoint, language, onClose }: { touchpoint: Touchpoint; language: Language; onClose: () => void }) {
  const { t } = useTranslation();
  const draft = useQuery({
    queryKey: [WS, "touchpoint-draft", touchpoint.id, language],
    queryFn: () => unwrap(commands.touchpointDraft(touchpoint.id, language)),
  });
  return (
    <Modal open title={t("cadence.draftTitle", { action: touchpoint.action })} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <QueryState query={draft} what={t("reads.draft")} loading={<Spin />}>
        {(text) => <DraftText initial={text} />}
      </QueryState>
    </Modal>
  );
}

function DraftText({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  return (
    <>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 6, maxRows: 16 }} data-testid="draft-text" />
      <div className="draft-actions">
        <span className="card-hint">{t("cadence.draftHint")}</span>
        <CopyButton text={text} testId="draft-copy" />
      </div>
    </>
  );
}
