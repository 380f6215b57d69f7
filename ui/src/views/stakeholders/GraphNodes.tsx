import { memo } from "react";
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
 */
export const PersonNode = memo(function PersonNode({ data }: NodeProps<PersonFlowNode>) {
  return (
    <div className="graph-person" style={{ borderLeftColor: STANCE_COLORS[data.stance] }} title={data.title}>
      {/* Edges need anchors; they are invisible because relationships are not drawn by hand here. */}
      <Handle type="target" position={Position.Top} className="graph-handle" isConnectable={false} />
      <div className="graph-person-name">{data.name}</div>
      <div className="graph-person-title">{data.title}</div>
      <Handle type="source" position={Position.Bottom} className="graph-handle" isConnectable={false} />
    </div>
  );
});

export const DepartmentNode = memo(function DepartmentNode({ data }: NodeProps<DepartmentFlowNode>) {
  return <div className="graph-department-title">{data.name}</div>;
});

/** Defined once, outside any component: a new object per render makes React Flow remount nodes. */
export const NODE_TYPES = { person: PersonNode, department: DepartmentNode };
