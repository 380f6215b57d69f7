import { Form, Input, InputNumber, Select, Switch } from "antd";
import { useQueryClient, useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { commands, type DepartmentInput, type DepartmentSla, type NameOnlyList, type StoreInput } from "../../bindings";
import { DepartmentSelect } from "../../components/DepartmentSelect";
import { unwrap } from "../../lib/api";
import { WS } from "../../lib/queries";
import type { ListScreen } from "./ReferenceTab";
import { useReferenceEntries, type Entry } from "./settingsQueries";

/** A write that refreshes every read of the workspace once it lands. */
function useSave<V>(save: (id: number | null, values: V) => Promise<unknown>) {
  const client = useQueryClient();
  const m = useMutation({ mutationFn: ({ id, values }: { id: number | null; values: V }) => save(id, values), onSuccess: () => client.invalidateQueries({ queryKey: [WS] }) });
  return { save: (id: number | null, values: V) => m.mutateAsync({ id, values }), saving: m.isPending };
}

const text = (e: Entry | null, key: string) => (e?.[key] as string | null | undefined) ?? "";

export function useDepartmentsScreen(): ListScreen<DepartmentInput> {
  const { t } = useTranslation();
  return {
    list: "departments",
    columns: [
      { title: t("settings.fields.head"), dataIndex: "head" },
      { title: t("settings.fields.escalationContact"), dataIndex: "escalationContact" },
      { title: t("settings.fields.kpis"), dataIndex: "kpis", ellipsis: true },
    ],
    fields: (
      <>
        <Form.Item name="head" label={t("settings.fields.head")}>
          <Input maxLength={60} data-testid="field-head" />
        </Form.Item>
        <Form.Item name="escalationContact" label={t("settings.fields.escalationContact")} extra={t("settings.escalationHint")}>
          <Input maxLength={60} data-testid="field-escalation" />
        </Form.Item>
        <Form.Item name="kpis" label={t("settings.fields.kpis")}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </>
    ),
    values: (e) => ({ name: text(e, "name"), head: text(e, "head"), escalationContact: text(e, "escalationContact"), kpis: text(e, "kpis") }),
    ...useSave((id, v: DepartmentInput) => unwrap(id === null ? commands.departmentsCreate(v) : commands.departmentsUpdate(id, v))),
  };
}

type StoreValues = Omit<StoreInput, "cityTier"> & { cityTier?: number | null };

export function useStoresScreen(): ListScreen<StoreValues> {
  const { t } = useTranslation();
  const date = (name: "openedOn" | "closedOn") => (
    <Form.Item name={name} label={t(`settings.fields.${name}`)}>
      <Input placeholder="YYYY-MM-DD" maxLength={10} data-testid={`field-${name}`} />
    </Form.Item>
  );
  return {
    list: "stores",
    columns: [
      { title: t("settings.fields.code"), dataIndex: "code", width: 110 },
      { title: t("settings.fields.region"), dataIndex: "region" },
      { title: t("settings.fields.city"), dataIndex: "city" },
      { title: t("settings.fields.cityTier"), dataIndex: "cityTier", width: 90 },
      { title: t("settings.fields.openedOn"), dataIndex: "openedOn", width: 120 },
      { title: t("settings.fields.closedOn"), dataIndex: "closedOn", width: 120 },
    ],
    fields: (
      <>
        <Form.Item name="code" label={t("settings.fields.code")}>
          <Input maxLength={40} data-testid="field-code" />
        </Form.Item>
        <Form.Item name="region" label={t("settings.fields.region")}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="city" label={t("settings.fields.city")}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="cityTier" label={t("settings.fields.cityTier")}>
          <InputNumber min={1} max={6} precision={0} />
        </Form.Item>
        {date("openedOn")}
        {date("closedOn")}
      </>
    ),
    values: (e) => ({
      name: text(e, "name"),
      code: text(e, "code"),
      region: text(e, "region"),
      city: text(e, "city"),
      cityTier: (e?.cityTier as number | null) ?? null,
      openedOn: text(e, "openedOn"),
      closedOn: text(e, "closedOn"),
    }),
    ...useSave((id, v: StoreValues) => {
      const input: StoreInput = { ...v, cityTier: v.cityTier ?? null, code: v.code || null, openedOn: v.openedOn || null, closedOn: v.closedOn || null };
      return unwrap(id === null ? commands.storeCreate(input) : commands.storeUpdate(id, input));
    }),
  };
}

export function useNamedScreen(list: NameOnlyList): ListScreen<{ name: string }> {
  return {
    list,
    columns: [],
    fields: null,
    values: (e) => ({ name: text(e, "name") }),
    ...useSave((id, v: { name: string }) => unwrap(id === null ? commands.namedCreate(list, v.name) : commands.namedRename(list, id, v.name))),
  };
}

/** A select of another list's entries (not archived), by name or pinyin. */
function EntrySelect({ list, ...props }: { list: "product_categories" | "severity_classes"; value?: number | null; onChange?: (v: number | null) => void }) {
  const { t } = useTranslation();
  const entries = useReferenceEntries(list, "");
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      placeholder={t("common.none")}
      options={(entries.data ?? []).filter((e) => e.archivedAt === null).map((e) => ({ value: e.id, label: e.name }))}
      {...props}
      onChange={(v?: number) => props.onChange?.(v ?? null)}
    />
  );
}

type ProductValues = { name: string; categoryId: number | null };

export function useProductsScreen(): ListScreen<ProductValues> {
  const { t } = useTranslation();
  return {
    list: "products",
    columns: [{ title: t("settings.fields.category"), dataIndex: "categoryName" }],
    fields: (
      <Form.Item name="categoryId" label={t("settings.fields.category")}>
        <EntrySelect list="product_categories" />
      </Form.Item>
    ),
    values: (e) => ({ name: text(e, "name"), categoryId: (e?.categoryId as number | null) ?? null }),
    ...useSave((id, v: ProductValues) => unwrap(id === null ? commands.productCreate(v) : commands.productUpdate(id, v))),
  };
}

type ProblemTypeValues = { name: string; severityClassId: number | null };

export function useProblemTypesScreen(): ListScreen<ProblemTypeValues> {
  const { t } = useTranslation();
  const classes = useReferenceEntries("severity_classes", "");
  const className = (id: unknown) => classes.data?.find((c) => c.id === id)?.name ?? "";
  return {
    list: "problem_types",
    columns: [{ title: t("settings.fields.severityClass"), dataIndex: "severityClassId", render: className }],
    fields: (
      <Form.Item name="severityClassId" label={t("settings.fields.severityClass")}>
        <EntrySelect list="severity_classes" />
      </Form.Item>
    ),
    values: (e) => ({ name: text(e, "name"), severityClassId: (e?.severityClassId as number | null) ?? null }),
    ...useSave((id, v: ProblemTypeValues) => unwrap(id === null ? commands.problemTypeCreate(v) : commands.problemTypeUpdate(id, v))),
  };
}

type ClassValues = { name: string; remedy: string; claimHours: number | null; slaHours: number; workingHours: boolean; departmentSlas: DepartmentSla[] };

export function useSeverityClassesScreen(): ListScreen<ClassValues> {
  const { t } = useTranslation();
  const hours = (h: unknown) => (h === null || h === undefined ? "—" : t("settings.hours", { count: h as number }));
  return {
    list: "severity_classes",
    columns: [
      { title: t("settings.fields.claimHours"), dataIndex: "claimHours", render: hours },
      { title: t("settings.fields.slaHours"), dataIndex: "slaHours", render: hours },
      { title: t("settings.fields.workingHours"), dataIndex: "workingHours", render: (w: unknown) => t(w ? "settings.workingClock.working" : "settings.workingClock.clock") },
      { title: t("settings.fields.remedy"), dataIndex: "remedy", ellipsis: true },
    ],
    fields: (
      <>
        <Form.Item name="remedy" label={t("settings.fields.remedy")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="claimHours" label={t("settings.fields.claimHours")}>
          <InputNumber precision={0} data-testid="field-claimHours" />
        </Form.Item>
        <Form.Item name="slaHours" label={t("settings.fields.slaHours")} rules={[{ required: true, message: t("errors.required") }]}>
          <InputNumber precision={0} data-testid="field-slaHours" />
        </Form.Item>
        <Form.Item name="workingHours" label={t("settings.fields.workingHours")} valuePropName="checked">
          <Switch checkedChildren={t("settings.workingClock.working")} unCheckedChildren={t("settings.workingClock.clock")} />
        </Form.Item>
        <Form.List name="departmentSlas">
          {(items, { add, remove }) => (
            <Form.Item label={t("settings.departmentSlas")}>
              {items.map((item) => (
                <div key={item.key} style={{ display: "flex", gap: 8, marginBottom: 8 }}>
                  <Form.Item name={[item.name, "departmentId"]} noStyle rules={[{ required: true, message: t("errors.required") }]}>
                    <DepartmentSelect style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[item.name, "claimHours"]} noStyle>
                    <InputNumber precision={0} placeholder={t("settings.fields.claimHours")} />
                  </Form.Item>
                  <Form.Item name={[item.name, "resolveHours"]} noStyle rules={[{ required: true, message: t("errors.required") }]}>
                    <InputNumber precision={0} placeholder={t("settings.fields.slaHours")} />
                  </Form.Item>
                  <a onClick={() => remove(item.name)}>{t("common.delete")}</a>
                </div>
              ))}
              <a onClick={() => add({ claimHours: null })}>{t("settings.addDepartmentSla")}</a>
            </Form.Item>
          )}
        </Form.List>
      </>
    ),
    values: (e) => ({
      name: text(e, "name"),
      remedy: text(e, "remedy"),
      claimHours: (e?.claimHours as number | null) ?? null,
      slaHours: (e?.slaHours as number) ?? 24,
      workingHours: Boolean(e?.workingHours),
      departmentSlas: (e?.departmentSlas as DepartmentSla[] | undefined) ?? [],
    }),
    ...useSave((id, v: ClassValues) => {
      const form = {
        class: { name: v.name, remedy: v.remedy ?? "", claimHours: v.claimHours ?? null, slaHours: v.slaHours, workingHours: v.workingHours },
        departmentSlas: v.departmentSlas ?? [],
      };
      return unwrap(id === null ? commands.severityClassCreate(form) : commands.severityClassSave(id, form));
    }),
  };
}
