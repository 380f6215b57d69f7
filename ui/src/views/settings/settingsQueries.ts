import { useQuery } from "@tanstack/react-query";
import { commands, type ReferenceList } from "../../bindings";
import { unwrap } from "../../lib/api";
import { WS, useWrite } from "../../lib/queries";

/** One reference list's entries matching `search` (name or pinyin), archived ones included. */
export const useReferenceEntries = (list: ReferenceList, search: string) =>
  useQuery({
    queryKey: [WS, "settings", list, search],
    queryFn: async (): Promise<Entry[]> => {
      switch (list) {
        case "departments":
          return unwrap(commands.settingsDepartments(search));
        case "stores":
          return unwrap(commands.settingsStores(search));
        case "product_categories":
        case "suppliers":
          return unwrap(commands.settingsNamed(list, search));
        case "products":
          return unwrap(commands.settingsProducts(search));
        case "problem_types":
          return unwrap(commands.settingsProblemTypes(search));
        case "severity_classes":
          return (await unwrap(commands.settingsSeverityClasses(search))).map((e) => ({ ...e.class, departmentSlas: e.departmentSlas }));
      }
    },
  });

/** What every list's entry has; each list's screen reads its own fields from it. */
export type Entry = { id: number; name: string; archivedAt: number | null } & Record<string, unknown>;

export const useArchive = (list: ReferenceList) =>
  useWrite(({ id, archived }: { id: number; archived: boolean }) => unwrap(commands.referenceArchive(list, id, archived)));

export const useMerge = (list: ReferenceList) =>
  useWrite(({ from, into }: { from: number; into: number }) => unwrap(commands.referenceMerge(list, from, into)));

export const useImportRun = (list: ReferenceList) => useWrite(() => unwrap(commands.referenceImportRun(list)));
