import type { FormInstance } from "antd";
import type { TFunction } from "i18next";
import { AppError } from "./api";

export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof AppError) {
    const params: Record<string, string> = { ...error.core.params };
    // A field named in a message is shown by its label, not its internal name.
    if (params.field) params.field = t(`fields.${params.field}`, { defaultValue: params.field });
    return t(`errors.${error.core.code}`, params);
  }
  return t("errors.unknown", { detail: String(error) });
}

/** Shows a field error next to its field; returns false when the error belongs to no field. */
export function showFieldError(form: FormInstance, t: TFunction, error: unknown): boolean {
  if (!(error instanceof AppError) || !error.core.field) return false;
  form.setFields([{ name: error.core.field, errors: [errorText(t, error)] }]);
  return true;
}
