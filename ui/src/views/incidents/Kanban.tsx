import { memo, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { Empty, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Card, IncidentFilter } from "../../bindings";
import { QueriesState } from "../../components/QueryState";
import type { Language } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { STATUSES } from "../../lib/incidentQueries";
import { useDepartments } from "../../lib/queries";
import { useKanbanCards } from "./boardQueries";
import { HEADER_ROW, layoutKanban, visibleRows, type KanbanRow, type Lane } from "./kanbanLayout";

/** Rows drawn above and below the viewport so a fast wheel flick does not show blank space. */
const OVERSCAN = 4;

const KanbanCard = ({ card, language }: { card: Card; language: Language }) => (
  <div className={card.escalated ? "kanban-card escalated" : "kanban-card"} data-id={card.id} title={card.title}>
    <div className="kanban-card-title">{card.title}</div>
    <div className="kanban-card-meta">
      {card.severityClass && <span className="kanban-tag">{card.severityClass}</span>}
      <span>{card.storeName ?? ""}</span>
    </div>
    <div className="kanban-card-meta">{formatDateTime(card.openedAt, language)}</div>
  </div>
);

/**
 * Rows are memoised on their identity: scrolling re-renders only the rows that come into view.
 * Cards are plain elements, not Ant Design components, to keep each new row cheap to mount.
 */
const Row = memo(function Row({ row, top, language }: { row: KanbanRow; top: number; language: Language }) {
  if (row.kind === "header")
    return (
      <div className="kanban-grid kanban-row kanban-lane" style={{ top }}>
        {row.counts.map((count, i) => (
          <div key={STATUSES[i]} className="kanban-lane-cell">
            {i === 0 && <span className="kanban-lane-name">{row.lane.name}</span>}
            <span className="kanban-lane-count">{count}</span>
          </div>
        ))}
      </div>
    );
  return (
    <div className="kanban-grid kanban-row" style={{ top }}>
      {row.cards.map((card, i) => (
        <div key={STATUSES[i]} className="kanban-cell">
          {card && <KanbanCard card={card} language={language} />}
        </div>
      ))}
    </div>
  );
});

/**
 * 看板: status columns × department swimlanes over up to 20,000 cards. Hand-windowed: every row
 * has a fixed height, so the scroll offset alone says which rows to draw.
 */
export function Kanban({ filter, language, onOpen }: { filter: IncidentFilter; language: Language; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const cards = useKanbanCards(filter);
  const departmentsQuery = useDepartments();
  const departments = departmentsQuery.data;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const layout = useMemo(() => {
    const list = cards.data?.cards ?? [];
    const known = new Set(departments?.map((d) => d.id));
    // A card can belong to a department this list no longer has (in the trash): it still gets a lane.
    const orphans = [...new Set(list.map((c) => c.departmentId))].filter((id): id is number => id !== null && !known.has(id));
    const lanes: Lane[] = [
      { id: null, name: t("board.triage") },
      ...(departments ?? []).map((d) => ({ id: d.id, name: d.name })),
      ...orphans.map((id) => ({ id, name: t("board.kanban.otherDepartment", { id }) })),
    ];
    return layoutKanban(list, lanes, STATUSES);
  }, [cards.data, departments, t]);

  const [first, end] = visibleRows(layout.tops, layout.height, Math.max(0, scrollTop - HEADER_ROW), viewport, OVERSCAN);
  const open = (e: MouseEvent) => {
    const id = (e.target as HTMLElement).closest<HTMLElement>(".kanban-card")?.dataset.id;
    if (id) onOpen(Number(id));
  };
  const total = cards.data?.total ?? 0;
  const shown = cards.data?.cards.length ?? 0;

  return (
    <div data-testid="kanban">
      {/* No count before the cards are read: "0 incidents" would say there are none. */}
      <Typography.Text type={shown < total ? "warning" : "secondary"} data-testid="kanban-count">
        {!cards.data ? "\u00a0" : shown < total ? t("board.kanban.cut", { shown, total }) : t("board.kanban.all", { total })}
      </Typography.Text>
      <div className="kanban-scroller" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} onClick={open} data-testid="kanban-scroller">
        <div className="kanban-grid kanban-columns">
          {STATUSES.map((s) => (
            <div key={s} className="kanban-column-title">
              {t(`incident.statuses.${s}`)}
            </div>
          ))}
        </div>
        {/* The swimlanes are the departments: the cards are only laid out with both reads. */}
        <QueriesState queries={[cards, departmentsQuery]} what={t("reads.kanban")} loading={<Spin style={{ display: "block", marginTop: 48 }} />}>
          {() =>
            layout.rows.length === 0 ? (
              <Empty description={t("incidents.empty")} style={{ marginTop: 48 }} />
            ) : (
              <div className="kanban-body" style={{ height: layout.height }}>
                {layout.rows.slice(first, end).map((row, i) => (
                  <Row key={row.key} row={row} top={layout.tops[first + i]} language={language} />
                ))}
              </div>
            )
          }
        </QueriesState>
      </div>
    </div>
  );
}
