import { useEffect, useRef, useState } from "react";
import { Input, type GetProps } from "antd";

type Props = Omit<GetProps<typeof Input.TextArea>, "value" | "onChange"> & { value: string; onChange: (value: string) => void };

/**
 * A text area that owns what is being typed. The parent hears each change, but while an input
 * method composes it hears only the committed text (compositionend), and while the field has the
 * focus a value coming back from the parent (a save's round trip, a refetch) never overwrites the
 * text under the cursor: either used to re-render the field mid-word, and fast typing or a
 * Chinese IME lost or reordered characters.
 */
export function TypedText({ value, onChange, onFocus, onBlur, ...rest }: Props) {
  const [text, setText] = useState(value);
  const composing = useRef(false);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current && !composing.current) setText(value);
  }, [value]);
  return (
    <Input.TextArea
      {...rest}
      value={text}
      onFocus={(e) => {
        focused.current = true;
        onFocus?.(e);
      }}
      onBlur={(e) => {
        focused.current = false;
        if (e.currentTarget.value !== value) onChange(e.currentTarget.value);
        onBlur?.(e);
      }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(e) => {
        composing.current = false;
        setText(e.currentTarget.value);
        onChange(e.currentTarget.value);
      }}
      onChange={(e) => {
        setText(e.target.value);
        if (!composing.current) onChange(e.target.value);
      }}
    />
  );
}
