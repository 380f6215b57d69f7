import type { ProjectInput, ProjectRole, ProjectStatus } from "../../bindings";

export const STATUSES: ProjectStatus[] = ["proposed", "active", "paused", "launched", "closed"];

export const STATUS_COLOR: Record<ProjectStatus, string> = {
  proposed: "default",
  active: "processing",
  paused: "warning",
  launched: "success",
  closed: "default",
};

/** The S1 roles, sponsors first; co-owners are the two executive sponsors. */
export const ROLES: ProjectRole[] = ["executive_sponsor", "product_owner", "tech_lead", "scrum_master", "stakeholder"];

export const EMPTY_PROJECT: ProjectInput = {
  title: "",
  goal: "",
  status: "proposed",
  impactMetrics: "",
  benefits: "",
  anchorOn: null,
  launchOn: null,
};
