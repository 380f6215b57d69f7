/** Where another view (the Today page) sends the director inside the projects section. */
export type ProjectTab = "overview" | "metrics" | "cadence" | "report";
export type ProjectsTab = "list" | "timeline" | "templates" | "calendar";

export type ProjectFocus = { tab: ProjectsTab; projectId?: number; projectTab?: ProjectTab };
