import { App, type ButtonProps } from "antd";
import { useTranslation } from "react-i18next";
import type { Person } from "../../bindings";
import { AppError } from "../../lib/api";
import { useDeletePerson } from "../../lib/queries";

/**
 * Moves a person to the trash. Someone holding project roles is not dropped silently: the core
 * refuses with person.in_projects, we ask whether to take them off those projects too, and only a
 * yes deletes. Resolves to false when the director said no.
 */
export function usePersonDelete() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const remove = useDeletePerson();
  return async (person: Person): Promise<boolean> => {
    try {
      await remove.mutateAsync({ id: person.id, removeProjectRoles: false });
      return true;
    } catch (error) {
      if (!(error instanceof AppError) || error.core.code !== "person.in_projects") throw error;
      const confirmed = await modal.confirm({
        title: t("people.inProjectsTitle", { name: person.name }),
        content: t("people.inProjectsBody", { projects: error.core.params.projects ?? "" }),
        okText: t("people.removeAndDelete"),
        okButtonProps: { danger: true, "data-testid": "person-delete-with-roles" } as ButtonProps,
        cancelText: t("common.cancel"),
      });
      if (!confirmed) return false;
      await remove.mutateAsync({ id: person.id, removeProjectRoles: true });
      return true;
    }
  };
}
