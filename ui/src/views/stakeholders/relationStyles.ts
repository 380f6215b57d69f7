import { MarkerType, type Edge } from "@xyflow/react";
import type { RelationKind } from "../../bindings";

export type EdgeKind = RelationKind | "reports_to";
export const EDGE_KINDS: EdgeKind[] = ["reports_to", "ally", "rival", "influences"];

/**
 * One look per kind, readable in black and white too: reporting lines solid grey, allies solid
 * green, rivals dashed red, influence dotted blue with an arrow towards the one influenced.
 */
export const EDGE_STYLES: Record<EdgeKind, Pick<Edge, "style" | "markerEnd">> = {
  reports_to: { style: { stroke: "#8c8c8c", strokeWidth: 1.5 }, markerEnd: { type: MarkerType.ArrowClosed, color: "#8c8c8c" } },
  ally: { style: { stroke: "#389e0d", strokeWidth: 2.5 } },
  rival: { style: { stroke: "#cf1322", strokeWidth: 2.5, strokeDasharray: "8 5" } },
  influences: {
    style: { stroke: "#1677ff", strokeWidth: 2, strokeDasharray: "2 4" },
    markerEnd: { type: MarkerType.ArrowClosed, color: "#1677ff" },
  },
};
