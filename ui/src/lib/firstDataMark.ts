import { useEffect } from "react";
import { commands } from "../bindings";

let marked = false;

/** Tells the shell, once, that the first real data is painted (the start-up benchmark's mark). */
export function useFirstDataMark(ready: boolean) {
  useEffect(() => {
    if (!ready || marked) return;
    marked = true;
    requestAnimationFrame(() => requestAnimationFrame(() => void commands.markFirstData()));
  }, [ready]);
}
