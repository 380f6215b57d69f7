import { memo, useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { App, Button, Space, Typography } from "antd";
import { CopyOutlined, DownloadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Person } from "../../bindings";
import { QueriesState } from "../../components/QueryState";
import { errorText } from "../../lib/errors";
import { usePeople } from "../../lib/queries";
import { copyPng, saveImage, serializeSvg, svgToPng } from "../../lib/exportImage";
import { fromXY, GRID, radiusFor, toXY } from "./gridGeometry";
import { MIDPOINT, positionOf, quadrantOf, STANCE_COLORS, type Quadrant } from "./model";
import { ProjectFilter, useProjectPeople } from "./ProjectFilter";
import { StanceLegend } from "./StanceLegend";
import { usePlacePerson } from "./stakeholderQueries";

type Position = { power: number; interest: number };
type Drag = Position & { id: number };

/**
 * Above this many people the names would pile on each other and, in WebKitGTK's software
 * rendering, cost most of each frame while dragging: the circles then name themselves on hover
 * and a project filter brings the labels back.
 */
const LABEL_LIMIT = 150;
/** A press that moves less than this (screen pixels) is a click: it opens the profile. */
const CLICK_SLOP = 4;
const FONT = `"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`;

/** Where each quadrant's title sits: the corner away from the centre lines. */
const QUADRANT_CORNERS: Record<Quadrant, { power: number; interest: number; anchor: "start" | "end" }> = {
  manage: { power: 10, interest: 10, anchor: "end" },
  satisfy: { power: 10, interest: 0, anchor: "start" },
  inform: { power: MIDPOINT, interest: 10, anchor: "end" },
  monitor: { power: MIDPOINT, interest: 0, anchor: "start" },
};
const QUADRANT_FILLS: Record<Quadrant, string> = {
  manage: "#fff1f0",
  satisfy: "#fff7e6",
  inform: "#e6f4ff",
  monitor: "#fafafa",
};

/**
 * One person on the grid. Memoized on its own props: while one circle is dragged only that circle
 * re-renders, which keeps a 500-person grid at full frame rate.
 */
const PersonDot = memo(function PersonDot(props: {
  person: Person;
  power: number;
  interest: number;
  dragging: boolean;
  label: boolean;
  onPointerDown: (person: Person, event: ReactPointerEvent) => void;
}) {
  const { x, y } = toXY(props.power, props.interest);
  const r = radiusFor(props.person.trust);
  return (
    <g
      transform={`translate(${x} ${y})`}
      onPointerDown={(e) => props.onPointerDown(props.person, e)}
      cursor={props.dragging ? "grabbing" : "grab"}
      data-testid={`grid-person-${props.person.id}`}
      data-name={props.person.name}
      data-quadrant={quadrantOf(props.power, props.interest)}
    >
      <circle
        r={r}
        fill={STANCE_COLORS[props.person.stance]}
        fillOpacity={props.dragging ? 1 : 0.85}
        stroke={props.dragging ? "#1f1f1f" : "#ffffff"}
        strokeWidth={2}
      />
      {props.label || props.dragging ? (
        <text x={r + 4} y={4} fontSize={13} fill="#262626" fontFamily={FONT} stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
          {props.person.name}
        </text>
      ) : (
        <title>{props.person.name}</title>
      )}
    </g>
  );
});

export function PowerInterestGrid({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const peopleQuery = usePeople();
  const people = peopleQuery.data;
  const [projectId, setProjectId] = useState<number | null>(null);
  const members = useProjectPeople(projectId);
  const place = usePlacePerson();
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  // Listeners of the drag in progress, kept so an unmount mid-drag can remove them.
  const detach = useRef<(() => void) | null>(null);
  useEffect(() => () => detach.current?.(), []);

  const ids = members.data;
  const visible = useMemo(() => (people ?? []).filter((p) => !ids || ids.has(p.id)), [people, ids]);

  const labels = visible.length <= LABEL_LIMIT;

  const gridPoint = useCallback((clientX: number, clientY: number): Position => {
    const svg = svgRef.current;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix) return { power: 0, interest: 0 };
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return fromXY(point.x, point.y);
  }, []);

  const placeMutate = place.mutate;
  const startDrag = useCallback(
    (person: Person, down: ReactPointerEvent) => {
      if (down.button !== 0) return;
      down.preventDefault();
      const start = { x: down.clientX, y: down.clientY };
      const dot = down.currentTarget as SVGGElement;
      const origin = dot.getAttribute("transform") ?? "";
      let moved = false;
      let latest: Drag = { id: person.id, ...positionOf(person) };
      let frame = 0;
      // While the pointer moves, the circle is moved in the DOM directly, once per frame: no
      // React render of the 500-circle list per pointer event. React takes over again on drop.
      const flush = () => {
        frame = 0;
        const { x, y } = toXY(latest.power, latest.interest);
        dot.setAttribute("transform", `translate(${x} ${y})`);
      };
      const move = (e: PointerEvent) => {
        if (!moved && Math.hypot(e.clientX - start.x, e.clientY - start.y) < CLICK_SLOP) return;
        if (!moved) setDrag(latest); // once: highlight the circle and show its name
        moved = true;
        latest = { id: person.id, ...gridPoint(e.clientX, e.clientY) };
        if (!frame) frame = requestAnimationFrame(flush);
      };
      const up = () => {
        stop();
        if (!moved) {
          onOpen(person.id);
          return;
        }
        setDrag(latest);
        placeMutate(latest, {
          onError: (error) => {
            // React last drew the circle where the drag began; put it back there by hand.
            dot.setAttribute("transform", origin);
            void message.error(errorText(t, error));
          },
          // The optimistic cache already shows the new place; drop the overlay once it settled.
          onSettled: () => setDrag((d) => (d?.id === person.id ? null : d)),
        });
      };
      const stop = () => {
        cancelAnimationFrame(frame);
        window.removeEventListener("pointermove", move);
        window.removeEventListener("pointerup", up);
        window.removeEventListener("pointercancel", stop);
        detach.current = null;
      };
      // Window listeners, not pointer capture: the pointer may leave the circle and the svg.
      window.addEventListener("pointermove", move);
      window.addEventListener("pointerup", up);
      window.addEventListener("pointercancel", stop);
      detach.current = stop;
    },
    [gridPoint, message, onOpen, placeMutate, t],
  );

  const saved = (path: string | null) => path && void message.success(t("map.saved", { path }));
  const failed = (error: unknown) => void message.error(t("map.exportFailed", { detail: errorText(t, error) }));
  const exportSvg = () => {
    if (!svgRef.current) return;
    saveImage(new Blob([serializeSvg(svgRef.current)], { type: "image/svg+xml" }), t("map.fileName"), "svg").then(saved, failed);
  };
  const exportPng = async (deliver: "save" | "copy") => {
    if (!svgRef.current) return;
    try {
      const png = await svgToPng(svgRef.current);
      if (deliver === "copy") {
        await copyPng(png);
        void message.success(t("map.copied"));
      } else saved(await saveImage(png, t("map.fileName"), "png"));
    } catch (error) {
      failed(error);
    }
  };

  const mid = toXY(MIDPOINT, MIDPOINT);
  const topLeft = toXY(10, 0);
  const bottomRight = toXY(0, 10);
  const quadrantRects: Record<Quadrant, { x: number; y: number; w: number; h: number }> = {
    satisfy: { x: topLeft.x, y: topLeft.y, w: mid.x - topLeft.x, h: mid.y - topLeft.y },
    manage: { x: mid.x, y: topLeft.y, w: bottomRight.x - mid.x, h: mid.y - topLeft.y },
    monitor: { x: topLeft.x, y: mid.y, w: mid.x - topLeft.x, h: bottomRight.y - mid.y },
    inform: { x: mid.x, y: mid.y, w: bottomRight.x - mid.x, h: bottomRight.y - mid.y },
  };

  return (
    <div data-testid="power-grid">
      <Space wrap className="tab-toolbar">
        <ProjectFilter value={projectId} onChange={setProjectId} testId="grid-project" />
        <Button icon={<DownloadOutlined />} onClick={exportSvg} data-testid="grid-export-svg">
          {t("map.exportSvg")}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportPng("save")} data-testid="grid-export-png">
          {t("map.exportPng")}
        </Button>
        <Button icon={<CopyOutlined />} onClick={() => void exportPng("copy")} data-testid="grid-copy-png">
          {t("map.copyPng")}
        </Button>
        <Typography.Text type="secondary">{t(labels ? "map.dragHint" : "map.hoverHint", { count: LABEL_LIMIT })}</Typography.Text>
      </Space>
      {/* The frame is a wrapper's border: a border (radius) on the svg itself makes WebKitGTK
          repaint through a clip and doubles the frame time of a drag. */}
      <QueriesState queries={[peopleQuery, members]} what={t("reads.gridPeople")}>
        {() => (
          <div className="power-grid-frame">
            <svg
              ref={svgRef}
              viewBox={`0 0 ${GRID.width} ${GRID.height}`}
              className="power-grid-svg"
              role="img"
              aria-label={t("map.title")}
              fontFamily={FONT}
            >
              <rect x={0} y={0} width={GRID.width} height={GRID.height} fill="#ffffff" />
              {(Object.keys(quadrantRects) as Quadrant[]).map((q) => {
                const r = quadrantRects[q];
                const corner = toXY(QUADRANT_CORNERS[q].power, QUADRANT_CORNERS[q].interest);
                const anchor = QUADRANT_CORNERS[q].anchor;
                return (
                  <g key={q}>
                    <rect x={r.x} y={r.y} width={r.w} height={r.h} fill={QUADRANT_FILLS[q]} stroke="#d9d9d9" data-quadrant-area={q} />
                    <text
                      x={corner.x + (anchor === "start" ? 10 : -10)}
                      y={corner.y + 24}
                      textAnchor={anchor}
                      fontSize={16}
                      fontWeight={600}
                      fill="#8c8c8c"
                    >
                      {t(`map.quadrants.${q}`)}
                    </text>
                  </g>
                );
              })}
              <text x={(topLeft.x + bottomRight.x) / 2} y={GRID.height - 14} textAnchor="middle" fontSize={14} fill="#595959">
                {t("map.interestAxis")}
              </text>
              <text
                transform={`translate(22 ${(topLeft.y + bottomRight.y) / 2}) rotate(-90)`}
                textAnchor="middle"
                fontSize={14}
                fill="#595959"
              >
                {t("map.powerAxis")}
              </text>
              {visible.map((p) => {
                const dragged = drag?.id === p.id ? drag : null;
                const at = dragged ?? positionOf(p);
                return (
                  <PersonDot
                    key={p.id}
                    person={p}
                    power={at.power}
                    interest={at.interest}
                    dragging={dragged !== null}
                    label={labels}
                    onPointerDown={startDrag}
                  />
                );
              })}
            </svg>
          </div>
        )}
      </QueriesState>
      <StanceLegend />
    </div>
  );
}
