import { DatePicker } from "antd";
import { fromPicker, toPicker } from "../lib/days";

/** A day as the core stores it (YYYY-MM-DD), picked on a calendar; a form field's value as is. */
export function DayField({ value, onChange, testId }: { value?: string | null; onChange?: (day: string | null) => void; testId?: string }) {
  return <DatePicker value={toPicker(value)} onChange={(d) => onChange?.(fromPicker(d))} data-testid={testId} style={{ width: "100%" }} />;
}
