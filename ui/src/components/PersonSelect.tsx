import { useMemo } from "react";
import { Select, type SelectProps } from "antd";
import { useTranslation } from "react-i18next";
import type { Person } from "../bindings";
import { optionsState } from "./QueryState";
import { matchesName } from "../lib/format";
import { usePeople } from "../lib/queries";

/**
 * Picks a person by name, full pinyin or initials (“chenli”, “cl”): directors type pinyin far
 * faster than they scroll a list of colleagues. The department is shown because namesakes exist.
 */
export function PersonSelect(props: Omit<SelectProps<number>, "options" | "showSearch"> & { exclude?: (p: Person) => boolean }) {
  const { exclude, ...rest } = props;
  const { t } = useTranslation();
  const query = usePeople();
  const people = query.data;
  const { options, byId } = useMemo(() => {
    const shown = (people ?? []).filter((p) => !exclude?.(p));
    return {
      options: shown.map((p) => ({ value: p.id, label: p.departmentName ? `${p.name}（${p.departmentName}）` : p.name, title: p.name })),
      byId: new Map(shown.map((p) => [p.id, p])),
    };
  }, [people, exclude]);
  return (
    <Select<number>
      {...rest}
      showSearch={{
        filterOption: (input, option) => {
          const p = option ? byId.get(option.value as number) : undefined;
          return !!p && matchesName(input, p.name, p.nameKey);
        },
      }}
      options={options}
      {...optionsState(query, t("reads.people"))}
    />
  );
}
