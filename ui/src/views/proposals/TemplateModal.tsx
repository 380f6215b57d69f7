import { useState } from "react";
import { App, Input, Modal, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ProposalTemplate } from "../../bindings";
import { QueryState } from "../../components/QueryState";
import { errorText } from "../../lib/errors";
import { KINDS } from "./NewDocumentModal";
import { useCatalogue, useSaveTemplate } from "./proposalQueries";
import { SectionsEditor } from "./SectionsEditor";

/**
 * The director's own template: start from a built-in one, change headings, wording and which
 * tables appear; `{{key}}` placeholders fill from the workspace when a document is made from it.
 */
export function TemplateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const catalogue = useCatalogue();
  const save = useSaveTemplate();
  const [name, setName] = useState("");
  const [template, setTemplate] = useState<ProposalTemplate | null>(null);
  const pick = (key: string) => setTemplate(catalogue.data?.builtin.find((b) => `${b.kind}/${b.language}` === key) ?? null);
  return (
    <Modal
      open
      width={860}
      title={t("proposals.templateTitle")}
      onCancel={onClose}
      okText={t("common.save")}
      okButtonProps={{ disabled: !template || !name.trim(), loading: save.isPending }}
      onOk={() =>
        template &&
        save
          .mutateAsync({ name, template })
          .then(() => {
            message.success(t("proposals.templateSaved"));
            onClose();
          })
          .catch((e) => message.error(errorText(t, e)))
      }
      destroyOnHidden
    >
      {/* Every template starts from a built-in one of the catalogue. */}
      <QueryState query={catalogue} what={t("reads.catalogue")}>
        {({ keys, sources }) => (
          <Space direction="vertical" style={{ width: "100%" }}>
            <Input placeholder={t("proposals.templateName")} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} data-testid="template-name" />
            <Select
              style={{ width: "100%" }}
              placeholder={t("proposals.startFrom")}
              value={template ? `${template.kind}/${template.language}` : undefined}
              onChange={pick}
              options={KINDS.flatMap((k) => ["zh-CN", "en"].map((l) => ({ value: `${k}/${l}`, label: `${t(`proposals.kinds.${k}`)} · ${l === "en" ? "English" : "中文"}` })))}
            />
            <Typography.Text type="secondary">{t("proposals.keysHint", { keys: keys.map((k) => `{{${k}}}`).join("  ") })}</Typography.Text>
            {template && (
              <>
                <Input value={template.title} onChange={(e) => setTemplate({ ...template, title: e.target.value })} addonBefore={t("proposals.docTitle")} />
                <SectionsEditor sections={template.sections} sources={sources} onChange={(sections) => setTemplate({ ...template, sections })} />
              </>
            )}
          </Space>
        )}
      </QueryState>
    </Modal>
  );
}
