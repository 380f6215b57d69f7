import { Select, type SelectProps } from "antd";
import { useTranslation } from "react-i18next";
import { matchesName } from "../lib/format";
import { useDepartments } from "../lib/queries";
import { optionsState } from "./QueryState";

/**
 * The departments as a select's options (the id as value, the name as label) and the read's state
 * for its dropdown: loading, or the failure with a retry instead of "no data". With `pinyin`, each
 * option carries the name's pinyin as its key, for a search that matches it.
 */
export function useDepartmentOptions({ pinyin = false }: { pinyin?: boolean } = {}) {
  const { t } = useTranslation();
  const departments = useDepartments();
  // Archived departments keep their incidents and history but are offered for nothing new.
  const live = (departments.data ?? []).filter((d) => d.archivedAt === null);
  const options = live.map((d) => (pinyin ? { value: d.id, label: d.name, key: d.nameKey } : { value: d.id, label: d.name }));
  return { options, read: optionsState(departments, t("reads.departments")) };
}

/** Typing matches a department's name or its pinyin (full or initials), as the people search does. */
const byNameOrPinyin: SelectProps["showSearch"] = {
  filterOption: (input, option) => matchesName(input, String(option?.label ?? ""), String(option?.key ?? "")),
};

type Props = Omit<SelectProps, "options" | keyof ReturnType<typeof optionsState>> & {
  /** Search by name or pinyin (sets `showSearch`). */
  searchPinyin?: boolean;
};

/** A department picker; everything but its options (size, clearing, placeholder, test id) is the caller's. */
export function DepartmentSelect({ searchPinyin = false, ...props }: Props) {
  const { options, read } = useDepartmentOptions({ pinyin: searchPinyin });
  return <Select {...(searchPinyin && { showSearch: byNameOrPinyin })} {...props} options={options} {...read} />;
}
