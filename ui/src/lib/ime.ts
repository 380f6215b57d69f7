import type { KeyboardEvent } from "react";

/**
 * Enter that only confirms an input-method candidate must not submit a form. WebKit fires that
 * keydown after `compositionend`, with isComposing already false but keyCode 229, so check both.
 */
export function blockEnterWhileComposing(event: KeyboardEvent) {
  if (event.key === "Enter" && (event.nativeEvent.isComposing || event.keyCode === 229)) {
    event.preventDefault();
    event.stopPropagation();
  }
}
