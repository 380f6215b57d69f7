import type { ReactNode } from "react";
import { Form } from "antd";
import type { Problem, ProblemInput } from "../../bindings";
import { EditModal } from "../../components/EditModal";
import { useUpdateProblem } from "./problemQueries";

/** A part of the write-up edited in a dialog (the evidence cards keep their figures in view). */
export function PatchModal<V extends object>({
  problem,
  title,
  initialValues,
  toPatch,
  onClose,
  testId,
  children,
}: {
  problem: Problem;
  title: string;
  initialValues: V;
  toPatch: (values: V) => ProblemInput;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const update = useUpdateProblem();
  return (
    <EditModal<V>
      open
      title={title}
      form={form}
      initialValues={initialValues}
      saving={update.isPending}
      save={(values) => update.mutateAsync({ problem, patch: toPatch(values) })}
      onClose={onClose}
      testId={testId}
    >
      {children}
    </EditModal>
  );
}
