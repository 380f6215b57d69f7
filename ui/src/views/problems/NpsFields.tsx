import { Col, Form, InputNumber } from "antd";
import { useTranslation } from "react-i18next";

/** NPS before and after, entered by hand: two half-width columns of a form row. */
export function NpsFields() {
  const { t } = useTranslation();
  return (
    <>
      <Col span={12}>
        <Form.Item name="npsBefore" label={t("evidence.validation.npsBefore")}>
          <InputNumber min={-100} max={100} style={{ width: "100%" }} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="npsAfter" label={t("evidence.validation.npsAfter")}>
          <InputNumber min={-100} max={100} style={{ width: "100%" }} />
        </Form.Item>
      </Col>
    </>
  );
}
