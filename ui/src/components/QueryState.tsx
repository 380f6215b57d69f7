import type { ReactNode } from "react";
import { Alert, Button, Spin, Tag, Tooltip, type SelectProps } from "antd";
import { ExclamationCircleOutlined } from "@ant-design/icons";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { errorText } from "../lib/errors";

/** A read as shown here: a query, or a value derived from one that keeps the query's state. */
export type Query<T> = Pick<UseQueryResult<T>, "data" | "error" | "isError"> & { refetch: () => Promise<unknown> };

type Shown = {
  /** What was being read, in the user's words ("今天的待办"), named in the error. */
  what: string;
  /** A small red mark instead of an alert: for a badge's place or a line of settings. */
  compact?: boolean;
};

type Loading = Shown & {
  /** A placeholder of the data's shape; a small spinner otherwise. */
  loading?: ReactNode;
};

/** The first failure among the reads, with a retry of every failed one; null when none failed. */
function failure(queries: Query<unknown>[], { what, compact }: Shown): ReactNode {
  const failed = queries.find((q) => q.isError);
  if (!failed) return null;
  const retry = () => queries.forEach((q) => q.isError && void q.refetch());
  return compact ? <LoadErrorMark error={failed.error} what={what} onRetry={retry} /> : <LoadError error={failed.error} what={what} onRetry={retry} />;
}

/**
 * A read shows one of three things: that it is loading, its data, or why it failed with a way to
 * try again. A failed read is never drawn as an empty list ("nothing due" when the query failed
 * would tell the director something false).
 */
export function QueryState<T>({ query, children, ...rest }: Loading & { query: Query<T>; children: (data: T) => ReactNode }) {
  return <QueriesState<[T]> queries={[query]} {...rest}>{children}</QueriesState>;
}

/** Several reads that one piece of the screen needs together: the first failure is shown. */
export function QueriesState<T extends unknown[]>({
  queries,
  children,
  loading,
  ...shown
}: Loading & {
  queries: { [K in keyof T]: Query<T[K]> };
  // The data's types come from the reads alone, also for a callback that takes none of them.
  children: (...data: NoInfer<T>) => ReactNode;
}) {
  const all = queries as Query<unknown>[];
  const failed = failure(all, shown);
  if (failed) return failed;
  if (all.some((q) => q.data === undefined)) return <>{loading ?? <Spin size="small" data-testid="load-pending" />}</>;
  return <>{children(...(all.map((q) => q.data) as T))}</>;
}

/**
 * For a piece that draws its own loading look (a Table's or List's `loading`) from the reads'
 * data: it stays as it is until a read fails, and the failure then takes its place, so an empty
 * table never stands for a read that did not happen.
 */
export function UnlessFailed({ queries, children, ...shown }: Shown & { queries: Query<unknown> | Query<unknown>[]; children: ReactNode }) {
  return failure(Array.isArray(queries) ? queries : [queries], shown) ?? <>{children}</>;
}

/**
 * A select whose options are read: while they load its dropdown says so, and a failed read turns
 * it red with the error (and a retry) in its dropdown, instead of "no data".
 */
export function optionsState(query: Query<unknown>, what: string): Pick<SelectProps, "status" | "notFoundContent" | "popupRender"> {
  if (query.isError) {
    const why = <LoadError error={query.error} what={what} onRetry={() => void query.refetch()} />;
    // Below the options there are (some are fixed, like "triage"); with none, the empty content
    // still lets the dropdown open to show it.
    return {
      status: "error",
      notFoundContent: <></>,
      popupRender: (menu) => (
        <>
          {menu}
          {why}
        </>
      ),
    };
  }
  return query.data === undefined ? { notFoundContent: <Spin size="small" /> } : {};
}

/** Why a read failed, in the user's language, with a retry. */
export function LoadError({ error, what, onRetry }: { error: unknown; what: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="load-error"
      title={t("common.loadFailed", { what })}
      description={errorText(t, error)}
      action={
        <Button size="small" danger onClick={onRetry} data-testid="load-retry">
          {t("common.retry")}
        </Button>
      }
    />
  );
}

/** The same where an alert has no room: a red mark that says what failed on hover and retries on a click. */
export function LoadErrorMark({ error, what, onRetry }: { error: unknown; what: string; onRetry: () => void }) {
  const { t } = useTranslation();
  const why = `${t("common.loadFailed", { what })} ${errorText(t, error)}`;
  return (
    <Tooltip title={why}>
      <Tag
        color="error"
        icon={<ExclamationCircleOutlined />}
        style={{ cursor: "pointer" }}
        aria-label={why}
        // The mark may sit inside something clickable (a menu item); the click is the retry only.
        onClick={(e) => {
          e.stopPropagation();
          onRetry();
        }}
        data-testid="load-error-mark"
      >
        {t("common.retry")}
      </Tag>
    </Tooltip>
  );
}
