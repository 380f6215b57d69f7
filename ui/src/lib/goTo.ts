import { createContext, useContext } from "react";

/**
 * Opens a problem, a proposal or a project from any page: the thread from a problem to its
 * validated fix runs across three sections. The shell provides it; a view only asks to go.
 */
export type GoTo = {
  problem: (id: number) => void;
  proposal: (id: number) => void;
  project: (id: number) => void;
};

export const GoToContext = createContext<GoTo | null>(null);

export function useGoTo(): GoTo {
  const go = useContext(GoToContext);
  if (!go) throw new Error("useGoTo outside the app shell");
  return go;
}
