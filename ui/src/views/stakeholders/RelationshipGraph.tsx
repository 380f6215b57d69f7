import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { App, Button, Space, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import {
  Background,
  Controls,
  getViewportForBounds,
  ReactFlow,
  useStore,
  type Edge,
  type Node,
  type NodeMouseHandler,
  type Viewport,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useTranslation } from "react-i18next";
import { LoadError } from "../../components/QueryState";
import { errorText } from "../../lib/errors";
import { usePeople } from "../../lib/queries";
import { NODE_TYPES, type Member } from "./GraphNodes";
import { layoutBounds, layoutByDepartment, NODE } from "./graphLayout";
import { ProjectFilter, useProjectPeople } from "./ProjectFilter";
import { EDGE_KINDS, EDGE_STYLES } from "./relationStyles";
import { RelationshipForm } from "./RelationshipForm";
import { StanceLegend } from "./StanceLegend";
import { useDeleteRelationship, useRelationships } from "./stakeholderQueries";

/** Edge ids carry what they are: "r<id>" a stored relationship, "m<id>" a reporting line. */
const RELATION_PREFIX = "r";

/**
 * Below this zoom the cards' text is too small to read and hundreds of reporting lines are a
 * tangle. There the graph is an overview: each department box draws its people as plain SVG
 * rectangles (one element per department instead of one React Flow node per person, whose layers
 * were half of what WebKitGTK repaints per pan frame), without reporting lines or background dots.
 * People in an ally/rival/influence line keep an invisible node as its anchor, so those lines,
 * their labels and their click to delete stay. Every node stays mounted (no
 * `onlyRenderVisibleElements`): the visibility test over all of them on each pan frame cost more
 * than it saved.
 */
const READABLE_ZOOM = 0.45;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 2;
/** React Flow's own `fitView` padding: the first viewport is the one it would fit. */
const FIT_PADDING = 0.1;

function DetailLevel({ onFar }: { onFar: (far: boolean) => void }) {
  const far = useStore((s) => s.transform[2] < READABLE_ZOOM);
  useEffect(() => onFar(far), [far, onFar]);
  return null;
}

export function RelationshipGraph({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const peopleQuery = usePeople();
  const relationshipsQuery = useRelationships();
  const people = peopleQuery.data;
  const byId = useMemo(() => new Map((people ?? []).map((p) => [p.id, p])), [people]);
  const relationships = relationshipsQuery.data;
  const remove = useDeleteRelationship();
  const [projectId, setProjectId] = useState<number | null>(null);
  const members = useProjectPeople(projectId);
  const [adding, setAdding] = useState(false);
  const [far, setFar] = useState(false);
  const canvasRef = useRef<HTMLDivElement>(null);
  // The first viewport, computed before React Flow mounts: it starts at the fitted zoom with the
  // detail level of that zoom, instead of drawing every card at zoom 1 and redrawing after the fit.
  const [start, setStart] = useState<Viewport | null>(null);

  const failed = [peopleQuery, relationshipsQuery, members].find((q) => q.isError);
  const ids = members.data;
  const visible = useMemo(() => (people ?? []).filter((p) => !ids || ids.has(p.id)), [people, ids]);
  const layout = useMemo(() => layoutByDepartment(visible), [visible]);
  const shown = useMemo(() => new Set(visible.map((p) => p.id)), [visible]);
  const relations = useMemo(
    () => (relationships ?? []).filter((r) => shown.has(r.fromPersonId) && shown.has(r.toPersonId)),
    [relationships, shown],
  );

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (start || !people || !canvas) return;
    const bounds = layoutBounds(layout.groups);
    const viewport = bounds
      ? getViewportForBounds(bounds, canvas.clientWidth, canvas.clientHeight, MIN_ZOOM, MAX_ZOOM, FIT_PADDING)
      : { x: 0, y: 0, zoom: 1 };
    setFar(viewport.zoom < READABLE_ZOOM);
    setStart(viewport);
  }, [start, people, layout]);

  const nodes = useMemo<Node[]>(() => {
    const { groups, spots } = layout;
    const membersOf = new Map<string, Member[]>();
    if (far) {
      for (const s of spots) {
        const p = byId.get(s.personId)!;
        const list = membersOf.get(s.group) ?? [];
        list.push({ id: p.id, name: p.name, title: p.title, stance: p.stance, x: s.x, y: s.y });
        membersOf.set(s.group, list);
      }
    }
    const groupNodes: Node[] = groups.map((g) => ({
      id: `g-${g.key}`,
      type: "department",
      position: { x: g.x, y: g.y },
      data: { name: g.name ?? t("people.noDepartment"), members: membersOf.get(g.key) },
      width: g.width,
      height: g.height,
      selectable: false,
      draggable: false,
      focusable: false,
    }));
    const linked = new Set(relations.flatMap((r) => [r.fromPersonId, r.toPersonId]));
    const personNodes: Node[] = spots
      .filter((s) => !far || linked.has(s.personId))
      .map((s) => {
        const p = byId.get(s.personId)!;
        const node = {
          id: String(p.id),
          parentId: `g-${s.group}`,
          extent: "parent" as const,
          position: { x: s.x, y: s.y },
          width: NODE.width,
          height: NODE.height,
          draggable: false,
        };
        return far
          ? // Only the ends of a line: invisible, and clicks go through to the drawn rectangle.
            { ...node, type: "anchor", data: {}, selectable: false, focusable: false, style: { pointerEvents: "none" as const } }
          : { ...node, type: "person", data: { name: p.name, title: p.title, stance: p.stance } };
      });
    // Parents must precede their children in React Flow's node list.
    return [...groupNodes, ...personNodes];
  }, [layout, relations, byId, far, t]);

  const edges = useMemo<Edge[]>(() => {
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
    const stored: Edge[] = relations.map((r) => ({
        id: `${RELATION_PREFIX}${r.id}`,
        source: String(r.fromPersonId),
        target: String(r.toPersonId),
        label: t(`map.edges.${r.kind}`),
        ...EDGE_STYLES[r.kind],
      }));
    return [...reporting, ...stored];
  }, [visible, shown, relations, far, t]);

  const onNodeClick: NodeMouseHandler = useCallback(
    (event, node) => {
      if (node.type === "person") onOpen(Number(node.id));
      // Zoomed out a department draws its people; the rectangle clicked says who.
      const drawn = (event.target as Element).closest?.("[data-person-id]")?.getAttribute("data-person-id");
      if (node.type === "department" && drawn) onOpen(Number(drawn));
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
      <div ref={canvasRef} className={far ? "graph-canvas graph-far" : "graph-canvas"} data-testid="graph-canvas">
        {/* React Flow mounts as soon as the first viewport is known, as before any data: the
            detail level is set from that zoom; a failed read replaces it with the error. */}
        {failed ? (
          <LoadError error={failed.error} what={t("reads.graph")} onRetry={() => [peopleQuery, relationshipsQuery, members].forEach((q) => q.isError && void q.refetch())} />
        ) : (
            start && (
              <ReactFlow
                nodes={nodes}
                edges={edges}
                nodeTypes={NODE_TYPES}
                onNodeClick={onNodeClick}
                onEdgeClick={onEdgeClick}
                nodesDraggable={false}
                nodesConnectable={false}
                defaultViewport={start}
                fitView
                minZoom={MIN_ZOOM}
                maxZoom={MAX_ZOOM}
                proOptions={{ hideAttribution: true }}
              >
                {!far && <Background gap={24} />}
                <Controls showInteractive={false} />
                <DetailLevel onFar={setFar} />
              </ReactFlow>
            )
        )}
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
      {adding && <RelationshipForm open onClose={() => setAdding(false)} />}
    </div>
  );
}
