import { App, Steps } from "antd";
import { useTranslation } from "react-i18next";
import type { Problem } from "../../bindings";
import { errorText } from "../../lib/errors";
import { PROBLEM_STATUSES } from "./model";
import { useUpdateProblem } from "./problemQueries";

/** Where the problem stands on its path; clicking a step moves it there (and back, when reopened). */
export function StatusSteps({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateProblem();
  const current = PROBLEM_STATUSES.indexOf(problem.status ?? "new");
  return (
    <Steps
      size="small"
      current={current}
      onChange={(index) =>
        update
          .mutateAsync({ problem, patch: { status: PROBLEM_STATUSES[index] } })
          .catch((error) => message.error(errorText(t, error), 8))
      }
      items={PROBLEM_STATUSES.map((s) => ({ title: t(`problems.statuses.${s}`), disabled: update.isPending }))}
    />
  );
}
