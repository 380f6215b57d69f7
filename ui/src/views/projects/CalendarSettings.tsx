import { useState } from "react";
import { App, Button, DatePicker, Flex, Form, Input, Select, Space, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { CalendarDay } from "../../bindings";
import { UnlessFailed } from "../../components/QueryState";
import { errorText, showFieldError } from "../../lib/errors";
import { DeleteIconButton } from "../../components/DeleteIconButton";
import { fromPicker, todayInZone } from "../../lib/days";
import { useCalendarDays, useDeleteCalendarDay, useSaveCalendarDay } from "./projectQueries";

type Values = { day: Dayjs | null; kind: "holiday" | "workday"; name: string };

/**
 * The official calendar follow-ups are planned on: public holidays and the make-up working days
 * (调休/补班) that China announces each autumn for the next year. 2024–2026 ship with the app; next
 * year's days are added here once announced.
 */
export function CalendarSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const calendar = useCalendarDays();
  const days = calendar.data ?? [];
  const save = useSaveCalendarDay();
  const remove = useDeleteCalendarDay();
  const thisYear = todayInZone().slice(0, 4);
  const years = [...new Set([...days.map((d) => d.day.slice(0, 4)), thisYear, String(Number(thisYear) + 1)])].sort();
  const [year, setYear] = useState(thisYear);
  const shown = days.filter((d) => d.day.startsWith(year)).sort((a, b) => a.day.localeCompare(b.day));

  const submit = async (v: Values) => {
    const day = fromPicker(v.day);
    if (!day) return;
    try {
      await save.mutateAsync({ day, kind: v.kind, name: v.name ?? "" });
      setYear(day.slice(0, 4));
      form.resetFields();
    } catch (error) {
      if (!showFieldError(form, t, error)) void message.error(errorText(t, error));
    }
  };

  return (
    <div data-testid="calendar-settings">
      <div className="card-hint" style={{ marginBottom: 8 }}>
        {t("calendar.hint")}
      </div>
      <Flex justify="space-between" align="start" wrap gap={8} style={{ marginBottom: 8 }}>
        <Space>
          {t("calendar.year")}
          <Select value={year} onChange={setYear} style={{ width: 100 }} options={years.map((y) => ({ value: y, label: y }))} data-testid="calendar-year" />
        </Space>
        <Form<Values> form={form} layout="inline" initialValues={{ day: null, kind: "holiday", name: "" }} onFinish={submit} data-testid="calendar-form">
          <Form.Item name="day" rules={[{ required: true, message: t("errors.required") }]}>
            <DatePicker placeholder={t("calendar.day")} data-testid="calendar-day" />
          </Form.Item>
          <Form.Item name="kind">
            <Select style={{ width: 130 }} options={(["holiday", "workday"] as const).map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))} data-testid="calendar-kind" />
          </Form.Item>
          <Form.Item name="name">
            <Input style={{ width: 160 }} placeholder={t("calendar.name")} data-testid="calendar-name" />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={save.isPending} data-testid="calendar-add">
            {t("calendar.add")}
          </Button>
        </Form>
      </Flex>
      <UnlessFailed queries={calendar} what={t("reads.calendar")}>
        <Table<CalendarDay>
          size="small"
          loading={calendar.isLoading}
          rowKey="day"
          dataSource={shown}
          pagination={false}
          locale={{ emptyText: t("calendar.empty", { year }) }}
          columns={[
            { title: t("calendar.day"), dataIndex: "day", width: 130 },
            {
              title: t("calendar.kind"),
              dataIndex: "kind",
              width: 130,
              render: (k: string) => <Tag color={k === "holiday" ? "red" : "blue"}>{t(`calendar.kinds.${k}`)}</Tag>,
            },
            { title: t("calendar.name"), dataIndex: "name" },
            { key: "remove", width: 48, render: (_, d) => <DeleteIconButton confirm={t("calendar.deleteConfirm", { day: d.day })} onDelete={() => remove.mutateAsync(d.day)} /> },
          ]}
        />
      </UnlessFailed>
    </div>
  );
}
