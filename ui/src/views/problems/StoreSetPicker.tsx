import { App, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { StoreSet } from "../../bindings";
import { optionsState, QueryState } from "../../components/QueryState";
import { errorText } from "../../lib/errors";
import { useBoardLists } from "../../lib/incidentQueries";
import { useProblemStores, useSetStores } from "./problemQueries";

/** Picks the stores of one of a problem's store sets; each change is saved at once. */
export function StoreSetPicker({ problemId, set, placeholder, width = 320 }: { problemId: number; set: StoreSet; placeholder: string; width?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lists = useBoardLists();
  const chosen = useProblemStores(problemId, set);
  const save = useSetStores();
  // A pick that was not read must not show as nothing picked, nor be saved over.
  return (
    <QueryState query={chosen} what={t("reads.problemStores")} compact>
      {(picked) => (
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          showSearch={{ optionFilterProp: "label" }}
          style={{ width, maxWidth: "100%" }}
          placeholder={placeholder}
          value={picked}
          loading={save.isPending}
          onChange={(storeIds: number[]) =>
            save.mutateAsync({ id: problemId, set, storeIds }).catch((error) => message.error(errorText(t, error), 8))
          }
          options={(lists.data?.stores ?? []).map((s) => ({ value: s.id, label: s.city ? `${s.name}（${s.city}）` : s.name }))}
          {...optionsState(lists, t("reads.stores"))}
          data-testid={`stores-${set}`}
        />
      )}
    </QueryState>
  );
}
