import { useEffect, useState } from "react";
import { Badge, Button, DatePicker, Flex, Input, InputNumber, Select, Space } from "antd";
import { ClearOutlined, FilterOutlined, SearchOutlined } from "@ant-design/icons";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { IncidentFilter } from "../../bindings";
import { useDepartmentOptions } from "../../components/DepartmentSelect";
import { optionsState } from "../../components/QueryState";
import { blockEnterWhileComposing } from "../../lib/ime";
import { rangeToSpan, spanToRange } from "../../lib/zone";
import { useBoardLists, STATUSES } from "../../lib/incidentQueries";
import { activeCount, TRIAGE } from "./filterState";
import { MoneyInput } from "../../components/MoneyInput";

type ListKey = {
  [K in keyof IncidentFilter]-?: NonNullable<IncidentFilter[K]> extends (infer _)[] ? K : never;
}[keyof IncidentFilter];

/** The fields behind "more filters": counted on the toggle so a hidden filter is never forgotten. */
const MORE: (keyof IncidentFilter)[] = [
  "productCategories",
  "products",
  "suppliers",
  "storeIds",
  "regions",
  "channels",
  "severityClassIds",
  "complaint",
  "escalated",
  "month",
  "closedFrom",
  "closedTo",
  "waitMin",
  "waitMax",
  "costMin",
  "costMax",
];

/** Filters shared by the detail list and the kanban; every empty field means "any". */
export function FilterBar({ filter, onChange }: { filter: IncidentFilter; onChange: (filter: IncidentFilter) => void }) {
  const { t } = useTranslation();
  const listsQuery = useBoardLists();
  const departments = useDepartmentOptions();
  const lists = listsQuery.data;
  // Every choice but the statuses is read: a failed read marks its pickers instead of leaving them empty.
  const fromLists = optionsState(listsQuery, t("reads.boardLists"));
  const [more, setMore] = useState(false);
  const [text, setText] = useState(filter.text ?? "");
  useEffect(() => setText(filter.text ?? ""), [filter.text]);
  const set = (patch: Partial<IncidentFilter>) => onChange({ ...filter, ...patch });
  const texts = (values: string[] | undefined) => (values ?? []).map((v) => ({ value: v, label: v || t("board.filter.blank") }));

  const multi = (key: ListKey, options: { value: string | number; label: string }[], read = fromLists, width = 180) => (
    <Select
      key={key}
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      showSearch={{ optionFilterProp: "label" }}
      style={{ width }}
      placeholder={t(`board.filter.${key}`)}
      value={filter[key] ?? []}
      onChange={(v: (string | number)[]) => set({ [key]: v })}
      options={options}
      {...read}
      data-testid={`filter-${key}`}
    />
  );
  const yesNo = (key: "complaint" | "escalated") => (
    <Select
      allowClear
      style={{ width: 130 }}
      placeholder={t(`board.filter.${key}`)}
      value={filter[key] ?? undefined}
      onChange={(v?: boolean) => set({ [key]: v ?? null })}
      options={[
        { value: true, label: t(`board.filter.${key}Yes`) },
        { value: false, label: t(`board.filter.${key}No`) },
      ]}
      data-testid={`filter-${key}`}
    />
  );
  const hidden = activeCount(filter, MORE);

  return (
    <div className="filter-bar" data-testid="filter-bar">
      <Flex wrap gap={8}>
        <span onKeyDownCapture={blockEnterWhileComposing}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            style={{ width: 280 }}
            placeholder={t("board.filter.text")}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value === "") set({ text: null });
            }}
            onPressEnter={() => set({ text: text.trim() || null })}
            data-testid="filter-text"
          />
        </span>
        {multi(
          "departmentIds",
          [{ value: TRIAGE, label: t("board.triage") }, ...departments.options],
          departments.read,
          200,
        )}
        {multi("problemTypes", texts(lists?.facets.problemTypes))}
        {multi(
          "statuses",
          STATUSES.map((s) => ({ value: s, label: t(`incident.statuses.${s}`) })),
          {},
        )}
        <DatePicker.RangePicker
          style={{ width: 250 }}
          placeholder={[t("board.filter.openedFrom"), t("board.filter.openedTo")]}
          allowEmpty={[true, true]}
          value={spanToRange(filter.openedFrom, filter.openedTo)}
          onChange={(range) => {
            const [openedFrom, openedTo] = rangeToSpan(range);
            set({ openedFrom, openedTo });
          }}
          data-testid="filter-opened"
        />
        <Badge count={hidden} size="small">
          <Button icon={<FilterOutlined />} type={more ? "primary" : "default"} ghost={more} onClick={() => setMore(!more)} data-testid="filter-more">
            {t("board.filter.more")}
          </Button>
        </Badge>
        <Button icon={<ClearOutlined />} onClick={() => onChange({})} data-testid="filter-clear">
          {t("board.filter.clear")}
        </Button>
      </Flex>
      {more && (
        <Flex wrap gap={8} style={{ marginTop: 8 }} data-testid="filter-more-fields">
          {multi("productCategories", texts(lists?.facets.productCategories))}
          {multi("products", texts(lists?.facets.products))}
          {multi("suppliers", texts(lists?.facets.suppliers))}
          {multi("storeIds", (lists?.stores ?? []).map((s) => ({ value: s.id, label: s.name })))}
          {multi("regions", texts(lists?.facets.regions))}
          {multi("channels", texts(lists?.facets.channels))}
          {multi("severityClassIds", (lists?.severityClasses ?? []).map((c) => ({ value: c.id, label: c.name })))}
          {yesNo("complaint")}
          {yesNo("escalated")}
          <DatePicker
            picker="month"
            style={{ width: 130 }}
            placeholder={t("board.filter.month")}
            value={filter.month ? dayjs(`${filter.month}-01`) : null}
            onChange={(m) => set({ month: m ? m.format("YYYY-MM") : null })}
            data-testid="filter-month"
          />
          <DatePicker.RangePicker
            style={{ width: 250 }}
            placeholder={[t("board.filter.closedFrom"), t("board.filter.closedTo")]}
            allowEmpty={[true, true]}
            value={spanToRange(filter.closedFrom, filter.closedTo)}
            onChange={(range) => {
              const [closedFrom, closedTo] = rangeToSpan(range);
              set({ closedFrom, closedTo });
            }}
          />
          <Space.Compact>
            <InputNumber
              min={0}
              precision={0}
              style={{ width: 130 }}
              placeholder={t("board.filter.waitMin")}
              value={filter.waitMin ?? null}
              onChange={(v) => set({ waitMin: v })}
            />
            <InputNumber
              min={0}
              precision={0}
              style={{ width: 130 }}
              placeholder={t("board.filter.waitMax")}
              value={filter.waitMax ?? null}
              onChange={(v) => set({ waitMax: v })}
            />
          </Space.Compact>
          <Space.Compact>
            <MoneyInput width={150} placeholder={t("board.filter.costMin")} value={filter.costMin} onChange={(costMin) => set({ costMin })} testId="filter-cost-min" />
            <MoneyInput width={150} placeholder={t("board.filter.costMax")} value={filter.costMax} onChange={(costMax) => set({ costMax })} testId="filter-cost-max" />
          </Space.Compact>
        </Flex>
      )}
    </div>
  );
}
