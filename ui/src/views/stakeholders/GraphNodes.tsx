import { memo, type CSSProperties } from "react";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import type { Stance } from "../../bindings";
import { NODE } from "./graphLayout";
import { STANCE_COLORS } from "./model";

export type PersonNodeData = { name: string; title: string; stance: Stance };
/** A person drawn inside the department box when zoomed out; x, y relative to the box. */
export type Member = { id: number; name: string; title: string; stance: Stance; x: number; y: number };
export type DepartmentNodeData = { name: string; members?: Member[] };
export type PersonFlowNode = Node<PersonNodeData, "person">;
export type DepartmentFlowNode = Node<DepartmentNodeData, "department">;

/**
 * A person card. Memoized and free of hooks: React Flow re-renders nodes when the viewport
 * changes, and with 500 cards any work here shows up as a dropped frame while panning.
 *
 * The card is drawn with fills only, no CSS border: WebKitGTK paints a rounded border (and one
 * with a coloured side) through clip paths, and a pan repaints every card each frame, which made
 * the borders half of a frame. The outer box is the frame and the stance stripe (a background),
 * the body the white inside.
 */
export const PersonNode = memo(function PersonNode({ data }: NodeProps<PersonFlowNode>) {
  return (
    <div className="graph-person" style={{ "--stance": STANCE_COLORS[data.stance] } as CSSProperties} title={data.title}>
      {/* Edges need anchors; they are invisible because relationships are not drawn by hand here. */}
      <Handle type="target" position={Position.Top} className="graph-handle" isConnectable={false} />
      <div className="graph-person-body">
        <div className="graph-person-name">{data.name}</div>
        <div className="graph-person-title">{data.title}</div>
      </div>
      <Handle type="source" position={Position.Bottom} className="graph-handle" isConnectable={false} />
    </div>
  );
});

/**
 * A department box: its dashed rounded frame is one SVG rect (a single stroke), not a CSS dashed
 * border, which WebKitGTK paints side by side through clips on every frame of a pan. Zoomed out it
 * also draws its people, as the cards look at that size: a white box, a grey frame, the stance
 * stripe; a click on one opens the profile (RelationshipGraph's onNodeClick), hovering names it.
 */
export const DepartmentNode = memo(function DepartmentNode({ data, width, height }: NodeProps<DepartmentFlowNode>) {
  const w = width ?? 0;
  const h = height ?? 0;
  return (
    <>
      <svg className="graph-department-frame" width={w} height={h} aria-hidden={data.members ? undefined : true}>
        <rect className="graph-department-box" x={0.5} y={0.5} width={Math.max(0, w - 1)} height={Math.max(0, h - 1)} rx={10} />
        {data.members?.map((m) => (
          <g key={m.id} className="graph-member" data-person-id={m.id}>
            <title>{m.title ? `${m.name} · ${m.title}` : m.name}</title>
            <rect className="graph-member-card" x={m.x + 0.5} y={m.y + 0.5} width={NODE.width - 1} height={NODE.height - 1} />
            <rect x={m.x} y={m.y} width={5} height={NODE.height} fill={STANCE_COLORS[m.stance]} />
          </g>
        ))}
      </svg>
      <div className="graph-department-title">{data.name}</div>
    </>
  );
});

/**
 * Zoomed out, the node of a person in an ally/rival/influence line: nothing to see (the department
 * draws the card), only the two anchors its lines start and end at.
 */
export const AnchorNode = memo(function AnchorNode() {
  return (
    <>
      <Handle type="target" position={Position.Top} className="graph-handle" isConnectable={false} />
      <Handle type="source" position={Position.Bottom} className="graph-handle" isConnectable={false} />
    </>
  );
});

/** Defined once, outside any component: a new object per render makes React Flow remount nodes. */
export const NODE_TYPES = { person: PersonNode, department: DepartmentNode, anchor: AnchorNode };
