import type { Money } from "../../bindings";
import { MoneyInput } from "../../components/MoneyInput";

/**
 * The board's amount input (万/亿 accepted) in a Form.Item, which hands it value and onChange.
 * `testId` names the input for the end-to-end tests.
 */
export function MoneyField({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value?: Money | null;
  onChange?: (yuan: Money | null) => void;
  placeholder: string;
  testId?: string;
}) {
  return <MoneyInput value={value} onChange={(yuan) => onChange?.(yuan)} placeholder={placeholder} testId={testId} />;
}
