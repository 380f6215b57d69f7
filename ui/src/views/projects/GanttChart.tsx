import { useEffect, useRef, useState } from "react";
import type { Milestone } from "../../bindings";
import { BAR, type Gantt, HEADER_H, LABEL_W, ROW_H } from "./gantt";

const COLORS = { done: "#52c41a", done_late: "#52c41a", slipping: "#3c5a99", open: "#3c5a99" } as const;
const LATE = "#cf1322";
const RISK = "#fa8c16";

/** Tracks the width the chart may use, so it fits the window and follows the sider. */
export function useWidth() {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1000);
  useEffect(() => {
    if (!box.current) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(box.current);
    return () => observer.disconnect();
  }, []);
  return { box, width };
}

/**
 * The laid-out timeline as plain SVG: a bar per milestone (red tail for slippage, orange outline
 * when at risk), the today line, and dependency arrows. A click on a bar or its name edits it.
 */
export function GanttChart({ gantt, todayLabel, onEdit }: { gantt: Gantt; todayLabel: string; onEdit: (m: Milestone) => void }) {
  return (
    <svg width={gantt.width} height={gantt.height} className="gantt" data-testid="gantt">
      <defs>
        <marker id="gantt-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L8,4 L0,8 z" fill="#595959" />
        </marker>
        <marker id="gantt-arrow-late" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L8,4 L0,8 z" fill={LATE} />
        </marker>
      </defs>
      {gantt.months.map((m) => (
        <g key={m.label}>
          <line x1={m.x} x2={m.x} y1={HEADER_H - 6} y2={gantt.height} className="gantt-month-line" />
          <text x={m.x + 4} y={HEADER_H - 8} className="gantt-month">
            {m.label}
          </text>
        </g>
      ))}
      {gantt.rows.map((r) =>
        r.kind === "project" ? (
          <g key={r.key}>
            <rect x={0} y={r.y} width={gantt.width} height={ROW_H} className="gantt-project-row" />
            <text x={8} y={r.y + ROW_H / 2 + 5} className="gantt-project">
              {r.title}
            </text>
          </g>
        ) : (
          <g key={r.key} className="gantt-milestone" onClick={() => onEdit(r.milestone)} data-testid={`gantt-bar-${r.milestone.id}`} data-state={r.state} data-risk={r.atRisk || undefined}>
            <title>{`${r.milestone.name}: ${r.milestone.startsOn} → ${r.milestone.endsOn}${r.milestone.doneOn ? ` ✓ ${r.milestone.doneOn}` : ""}`}</title>
            <text x={20} y={r.y + ROW_H / 2 + 5} className={r.state === "slipping" || r.state === "done_late" ? "gantt-label gantt-label-late" : "gantt-label"}>
              {clip(r.milestone.name, LABEL_W - 28)}
            </text>
            {r.slipTo !== null && <rect x={r.x2} y={r.y + BAR.offset} width={Math.max(2, r.slipTo - r.x2)} height={BAR.height} fill={LATE} opacity={0.75} rx={3} />}
            <rect
              x={r.x1}
              y={r.y + BAR.offset}
              width={Math.max(3, r.x2 - r.x1)}
              height={BAR.height}
              rx={3}
              fill={COLORS[r.state]}
              stroke={r.atRisk ? RISK : r.state === "slipping" ? LATE : "none"}
              strokeWidth={r.atRisk || r.state === "slipping" ? 2.5 : 0}
            />
          </g>
        ),
      )}
      {gantt.arrows.map((a) => (
        <path key={a.key} d={a.path} className={a.late ? "gantt-arrow gantt-arrow-late" : "gantt-arrow"} markerEnd={`url(#${a.late ? "gantt-arrow-late" : "gantt-arrow"})`} />
      ))}
      <line x1={gantt.todayX} x2={gantt.todayX} y1={HEADER_H - 4} y2={gantt.height} className="gantt-today" />
      <text x={gantt.todayX + 3} y={14} className="gantt-today-label">
        {todayLabel}
      </text>
    </svg>
  );
}

/** Long milestone names are cut to the label column (about 13 px a CJK character). */
function clip(name: string, px: number): string {
  const max = Math.floor(px / 13);
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}
