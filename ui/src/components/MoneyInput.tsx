import { useEffect, useState } from "react";
import { Input } from "antd";
import type { Money } from "../bindings";
import { parseMoney } from "../lib/format";

/**
 * An amount typed the way directors write it (1.2万). Committed on blur or Enter, so half-typed
 * text like "1." is never sent; what cannot be read stays red instead of being silently dropped.
 */
export function MoneyInput({
  value,
  onChange,
  placeholder,
  width,
  testId,
}: {
  value: Money | null | undefined;
  onChange: (yuan: Money | null) => void;
  placeholder: string;
  width?: number;
  testId?: string;
}) {
  const [text, setText] = useState(value ?? "");
  useEffect(() => setText(value ?? ""), [value]);
  const parsed = text.trim() === "" ? null : parseMoney(text);
  const invalid = text.trim() !== "" && parsed === null;
  const commit = () => {
    if (!invalid && parsed !== (value ?? null)) onChange(parsed);
  };
  return (
    <Input
      value={text}
      status={invalid ? "error" : undefined}
      placeholder={placeholder}
      style={{ width }}
      allowClear
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value === "") onChange(null);
      }}
      onBlur={commit}
      onPressEnter={commit}
      data-testid={testId}
    />
  );
}
