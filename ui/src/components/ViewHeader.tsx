import { Flex, Typography } from "antd";
import type { ReactNode } from "react";

/** A view's title and one-line subtitle, with its actions on the right. */
export function ViewHeader({ title, subtitle, children }: { title: ReactNode; subtitle: ReactNode; children?: ReactNode }) {
  return (
    <Flex justify="space-between" align="start" wrap gap={8}>
      <div>
        <Typography.Title level={4}>{title}</Typography.Title>
        <div className="view-subtitle">{subtitle}</div>
      </div>
      {children}
    </Flex>
  );
}
