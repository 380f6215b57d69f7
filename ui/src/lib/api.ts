import type { CoreError } from "../bindings";

/** A core error carried through React Query and forms; the UI translates `core.code`. */
export class AppError extends Error {
  constructor(readonly core: CoreError) {
    super(core.code);
  }
}

type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: CoreError };

export async function unwrap<T>(call: Promise<CommandResult<T>>): Promise<T> {
  const result = await call;
  if (result.status === "ok") return result.data;
  throw new AppError(result.error);
}
