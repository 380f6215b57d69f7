import { useState } from "react";
import { ApprovalPanel } from "./ApprovalPanel";
import { App, Button, Col, Empty, Input, List, Popconfirm, Row, Segmented, Space, Tag, Typography } from "antd";
import { DeleteOutlined, PlusOutlined, SaveOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Document, Draft } from "../../bindings";
import { QueryState, UnlessFailed } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { errorText } from "../../lib/errors";
import { ViewHeader } from "../../components/ViewHeader";
import { DocumentPreview } from "./DocumentPreview";
import { ExportBar } from "./ExportBar";
import { NewDocumentModal } from "./NewDocumentModal";
import { OptionsEditor } from "./OptionsEditor";
import { useCatalogue, useCreateDraft, useDeleteDraft, useDrafts, usePreview, useSaveDraft } from "./proposalQueries";
import { SectionsEditor } from "./SectionsEditor";
import { TemplateModal } from "./TemplateModal";
import "./proposals.css";

/**
 * Documents a director takes into a meeting: made from a template filled with the workspace's
 * evidence, projects and people, edited section by section, previewed, exported.
 */
export function ProposalsView({ language, focusId }: { language: Language; focusId?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const draftsQuery = useDrafts();
  const drafts = draftsQuery.data ?? [];
  const [selected, setSelected] = useState<number | null>(focusId ?? null);
  const [creating, setCreating] = useState(false);
  const [templating, setTemplating] = useState(false);
  const create = useCreateDraft();
  const remove = useDeleteDraft();
  const current = drafts.find((d) => d.id === selected) ?? drafts[0] ?? null;

  return (
    <div className="view" data-testid="view-proposals">
      <ViewHeader title={t("proposals.title")} subtitle={t("proposals.subtitle")}>
        <Space>
          <Button onClick={() => setTemplating(true)} data-testid="template-new">
            {t("proposals.newTemplate")}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="proposal-new">
            {t("proposals.new")}
          </Button>
        </Space>
      </ViewHeader>
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col flex="260px">
          <UnlessFailed queries={draftsQuery} what={t("reads.drafts")}>
            <List
              size="small"
              bordered
              loading={draftsQuery.isLoading}
              dataSource={drafts}
              locale={{ emptyText: <Empty description={t("proposals.empty")} /> }}
              renderItem={(d) => (
                <List.Item
                  className={d.id === current?.id ? "proposal-item proposal-item-active" : "proposal-item"}
                  onClick={() => setSelected(d.id)}
                  data-testid={`proposal-item-${d.id}`}
                  actions={[
                    <Popconfirm key="del" title={t("proposals.deleteConfirm")} onConfirm={() => remove.mutateAsync(d.id).catch((e) => message.error(errorText(t, e)))}>
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t("common.delete")} onClick={(e) => e.stopPropagation()} />
                    </Popconfirm>,
                  ]}
                >
                  <List.Item.Meta title={d.document.title} description={<Tag>{t(`proposals.kinds.${d.kind}`)}</Tag>} />
                </List.Item>
              )}
            />
          </UnlessFailed>
        </Col>
        <Col flex="auto">{current ? <DraftWorkspace key={current.id} draft={current} /> : null}</Col>
      </Row>
      <NewDocumentModal
        open={creating}
        language={language}
        creating={create.isPending}
        onClose={() => setCreating(false)}
        onCreate={(r) =>
          create
            .mutateAsync(r)
            .then((d) => {
              setSelected(d.id);
              setCreating(false);
            })
            .catch((e) => message.error(errorText(t, e)))
        }
      />
      {templating && <TemplateModal onClose={() => setTemplating(false)} />}
    </div>
  );
}

function DraftWorkspace({ draft }: { draft: Draft }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [doc, setDoc] = useState<Document>(draft.document);
  const [mode, setMode] = useState<Mode>("edit");
  const catalogue = useCatalogue();
  const save = useSaveDraft();
  // The editor owns its document from here on: a saved draft coming back from the store (the save's
  // own round trip, a refetch) never replaces what is being typed; `dirty` tells them apart.
  const dirty = JSON.stringify(doc) !== JSON.stringify(draft.document);
  const persist = () => (dirty ? save.mutateAsync({ id: draft.id, document: doc }) : Promise.resolve(draft));
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="proposal-draft">
      {draft.kind === "solution" && <ApprovalPanel draft={draft} language={draft.language} />}
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Segmented
          value={mode}
          onChange={(v) => setMode(v as Mode)}
          options={[
            { value: "edit", label: t("proposals.edit") },
            { value: "options", label: t("proposals.options.tab"), ...{ "data-testid": "proposal-options-tab" } },
            { value: "preview", label: t("proposals.preview"), ...{ "data-testid": "proposal-preview-tab" } },
          ]}
        />
        <Space wrap>
          {draft.includePrivate && <Tag color="orange">{t("proposals.hasPrivate")}</Tag>}
          <Button
            icon={<SaveOutlined />}
            type={dirty ? "primary" : "default"}
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => persist().then(() => message.success(t("proposals.saved"))).catch((e) => message.error(errorText(t, e)))}
            data-testid="proposal-save"
          >
            {t("common.save")}
          </Button>
          <ExportBar draftId={draft.id} beforeExport={persist} />
        </Space>
      </Space>
      {mode === "edit" ? (
        <>
          <Input value={doc.title} onChange={(e) => setDoc({ ...doc, title: e.target.value })} addonBefore={t("proposals.docTitle")} data-testid="proposal-title" />
          {/* A table block picks its data from the catalogue's sources. */}
          <QueryState query={catalogue} what={t("reads.catalogue")}>
            {({ sources }) => <SectionsEditor sections={doc.sections} sources={sources} onChange={(sections) => setDoc({ ...doc, sections })} />}
          </QueryState>
        </>
      ) : mode === "options" ? (
        <OptionsEditor draftId={draft.id} />
      ) : (
        <Preview draftId={draft.id} document={doc} />
      )}
      <Typography.Text type="secondary">{t("proposals.privacyNote")}</Typography.Text>
    </Space>
  );
}

type Mode = "edit" | "options" | "preview";

/** The document as it will be exported, the director's options and their risks filled in. */
function Preview({ draftId, document }: { draftId: number; document: Document }) {
  const { t } = useTranslation();
  const preview = usePreview(draftId, document);
  return <QueryState query={preview} what={t("reads.proposalPreview")}>{(expanded) => <DocumentPreview document={expanded} />}</QueryState>;
}
