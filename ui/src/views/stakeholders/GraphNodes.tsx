import { memo, type CSSProperties } from "react";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import type { Stance } from "../../bindings";
import { STANCE_COLORS } from "./model";

export type PersonNodeData = { name: string; title: string; stance: Stance };
export type DepartmentNodeData = { name: string };
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
 * border, which WebKitGTK paints side by side through clips on every frame of a pan.
 */
export const DepartmentNode = memo(function DepartmentNode({ data, width, height }: NodeProps<DepartmentFlowNode>) {
  const w = width ?? 0;
  const h = height ?? 0;
  return (
    <>
      <svg className="graph-department-frame" width={w} height={h} aria-hidden>
        <rect x={0.5} y={0.5} width={Math.max(0, w - 1)} height={Math.max(0, h - 1)} rx={10} />
      </svg>
      <div className="graph-department-title">{data.name}</div>
    </>
  );
});

/** Defined once, outside any component: a new object per render makes React Flow remount nodes. */
export const NODE_TYPES = { person: PersonNode, department: DepartmentNode };
