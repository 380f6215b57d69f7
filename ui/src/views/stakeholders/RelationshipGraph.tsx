import { useCallback, useEffect, useMemo, useState, type MouseEvent } from "react";
import { App, Button, Space, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { Background, Controls, ReactFlow, useStore, type Edge, type Node, type NodeMouseHandler } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useTranslation } from "react-i18next";
import { errorText } from "../../lib/errors";
import { usePeople } from "../../lib/queries";
import { NODE_TYPES } from "./GraphNodes";
import { layoutByDepartment, NODE } from "./graphLayout";
import { ProjectFilter, useProjectPeople } from "./ProjectFilter";
import { EDGE_KINDS, EDGE_STYLES } from "./relationStyles";
import { RelationshipForm } from "./RelationshipForm";
import { StanceLegend } from "./StanceLegend";
import { useDeleteRelationship, usePeopleById, useRelationships } from "./stakeholderQueries";

/** Edge ids carry what they are: "r<id>" a stored relationship, "m<id>" a reporting line. */
const RELATION_PREFIX = "r";

/**
 * Below this zoom the cards' text is too small to read and hundreds of reporting lines are a
 * tangle; hiding both, the background dots and the rounded corners keeps panning 500 people smooth
 * (they are most of what WebKitGTK repaints per frame). Stance colours, groups and the
 * ally/rival/influence lines stay. Every node stays mounted (no `onlyRenderVisibleElements`): the
 * visibility test over all of them on each pan frame cost more than it saved.
 */
const READABLE_ZOOM = 0.45;

function DetailLevel({ onFar }: { onFar: (far: boolean) => void }) {
  const far = useStore((s) => s.transform[2] < READABLE_ZOOM);
  useEffect(() => onFar(far), [far, onFar]);
  return null;
}

export function RelationshipGraph({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const people = usePeople().data;
  const byId = usePeopleById();
  const relationships = useRelationships().data;
  const remove = useDeleteRelationship();
  const [projectId, setProjectId] = useState<number | null>(null);
  const members = useProjectPeople(projectId);
  const [adding, setAdding] = useState(false);
  const [far, setFar] = useState(false);

  const visible = useMemo(() => (people ?? []).filter((p) => !members || members.has(p.id)), [people, members]);

  const nodes = useMemo<Node[]>(() => {
    const { groups, spots } = layoutByDepartment(visible);
    const groupNodes: Node[] = groups.map((g) => ({
      id: `g-${g.key}`,
      type: "department",
      position: { x: g.x, y: g.y },
      data: { name: g.name ?? t("people.noDepartment") },
      width: g.width,
      height: g.height,
      selectable: false,
      draggable: false,
    }));
    const personNodes: Node[] = spots.map((s) => {
      const p = byId.get(s.personId)!;
      return {
        id: String(p.id),
        type: "person",
        parentId: `g-${s.group}`,
        extent: "parent",
        position: { x: s.x, y: s.y },
        data: { name: p.name, title: p.title, stance: p.stance },
        width: NODE.width,
        height: NODE.height,
        draggable: false,
      };
    });
    // Parents must precede their children in React Flow's node list.
    return [...groupNodes, ...personNodes];
  }, [visible, byId, t]);

  const edges = useMemo<Edge[]>(() => {
    const shown = new Set(visible.map((p) => p.id));
    // Zoomed out the reporting lines are not drawn, so they are not handed to React Flow either:
    // it re-measures every edge it has on each pan frame.
    const reporting: Edge[] = visible
      .filter((p) => !far && p.reportsToId !== null && shown.has(p.reportsToId))
      .map((p) => ({
        id: `m${p.id}`,
        source: String(p.reportsToId),
        target: String(p.id),
        ...EDGE_STYLES.reports_to,
      }));
    const stored: Edge[] = (relationships ?? [])
      .filter((r) => shown.has(r.fromPersonId) && shown.has(r.toPersonId))
      .map((r) => ({
        id: `${RELATION_PREFIX}${r.id}`,
        source: String(r.fromPersonId),
        target: String(r.toPersonId),
        label: t(`map.edges.${r.kind}`),
        ...EDGE_STYLES[r.kind],
      }));
    return [...reporting, ...stored];
  }, [visible, relationships, far, t]);

  const onNodeClick: NodeMouseHandler = useCallback(
    (_event, node) => {
      if (node.type === "person") onOpen(Number(node.id));
    },
    [onOpen],
  );

  const onEdgeClick = useCallback(
    (_event: MouseEvent, edge: Edge) => {
      if (!edge.id.startsWith(RELATION_PREFIX)) return;
      const relation = relationships?.find((r) => `${RELATION_PREFIX}${r.id}` === edge.id);
      if (!relation) return;
      const names = {
        from: byId.get(relation.fromPersonId)?.name ?? "",
        to: byId.get(relation.toPersonId)?.name ?? "",
        kind: t(`map.edges.${relation.kind}`),
      };
      modal.confirm({
        title: t("map.deleteRelationship", names),
        content: relation.note || undefined,
        okText: t("common.delete"),
        okButtonProps: { danger: true },
        cancelText: t("common.cancel"),
        onOk: () => remove.mutateAsync(relation.id).catch((e) => void message.error(errorText(t, e))),
      });
    },
    [relationships, byId, modal, message, remove, t],
  );

  return (
    <div data-testid="relationship-graph">
      <Space wrap className="tab-toolbar">
        <ProjectFilter value={projectId} onChange={setProjectId} testId="graph-project" />
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="relationship-add">
          {t("map.addRelationship")}
        </Button>
        <Typography.Text type="secondary">{t("map.graphHint")}</Typography.Text>
      </Space>
      <div className={far ? "graph-canvas graph-far" : "graph-canvas"} data-testid="graph-canvas">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodeClick={onNodeClick}
          onEdgeClick={onEdgeClick}
          nodesDraggable={false}
          nodesConnectable={false}
          fitView
          minZoom={0.05}
          proOptions={{ hideAttribution: true }}
        >
          {!far && <Background gap={24} />}
          <Controls showInteractive={false} />
          <DetailLevel onFar={setFar} />
        </ReactFlow>
      </div>
      <Space wrap size="middle" className="legend">
        {EDGE_KINDS.map((k) => (
          <span key={k} className="edge-legend">
            <svg width={36} height={10} aria-hidden>
              <line x1={0} y1={5} x2={36} y2={5} {...(EDGE_STYLES[k].style as object)} />
            </svg>
            {t(`map.edges.${k}`)}
          </span>
        ))}
      </Space>
      <StanceLegend />
      {adding && <RelationshipForm open people={people ?? []} onClose={() => setAdding(false)} />}
    </div>
  );
}
