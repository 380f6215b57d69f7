import { Form, InputNumber, Rate, Select, Slider } from "antd";
import { useTranslation } from "react-i18next";
import { optionsState } from "../../components/QueryState";
import { matchesName } from "../../lib/format";
import { usePeople } from "../../lib/queries";
import { STANCE_COLORS, STANCES } from "./model";
import { PrivateLabel } from "../../components/PrivateMark";

const pinyinSearch = {
  filterOption: (input: string, option?: { label?: unknown; key?: unknown }) =>
    matchesName(input, String(option?.label ?? ""), String(option?.key ?? "")),
};

/**
 * The map fields of the person form: who they report to, where they stand, how much they trust
 * us, their position on the grid and how often we mean to talk to them.
 */
export function PersonMapFields({ editingId }: { editingId: number | null }) {
  const { t } = useTranslation();
  const people = usePeople();
  // Nobody reports to themselves; the core also refuses longer loops (person.reports_to_cycle).
  const managers = (people.data ?? [])
    .filter((p) => p.id !== editingId)
    .map((p) => ({ value: p.id, label: p.name, key: p.nameKey, title: p.name }));
  return (
    <>
      <Form.Item name="reportsToId" label={t("people.reportsTo")}>
        <Select
          allowClear
          showSearch={pinyinSearch}
          placeholder={t("people.reportsToPlaceholder")}
          options={managers}
          {...optionsState(people, t("reads.people"))}
          data-testid="person-reports-to"
        />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="stance" label={<PrivateLabel>{t("profile.stance")}</PrivateLabel>}>
          <Select
            options={STANCES.map((s) => ({
              value: s,
              label: (
                <span>
                  <span className="stance-dot" style={{ background: STANCE_COLORS[s] }} />
                  {t(`profile.stances.${s}`)}
                </span>
              ),
            }))}
            data-testid="person-stance"
          />
        </Form.Item>
        {/* Clicking the chosen star again clears it: trust not recorded (0 stars is stored as none). */}
        <Form.Item name="trust" label={<PrivateLabel>{t("profile.trust")}</PrivateLabel>} normalize={(v: number | null) => v || null} extra={t("profile.trustClear")}>
          <Rate count={5} data-testid="person-trust" />
        </Form.Item>
      </div>
      <Form.Item name="power" label={t("profile.power")}>
        <Slider min={0} max={10} step={0.1} marks={{ 0: "0", 5: "5", 10: "10" }} />
      </Form.Item>
      <Form.Item name="interest" label={t("profile.interest")}>
        <Slider min={0} max={10} step={0.1} marks={{ 0: "0", 5: "5", 10: "10" }} />
      </Form.Item>
      <Form.Item name="contactEveryDays" label={<PrivateLabel>{t("people.contactEveryDays")}</PrivateLabel>}>
        <InputNumber min={1} max={365} precision={0} suffix={t("people.days")} data-testid="person-rhythm" />
      </Form.Item>
    </>
  );
}
