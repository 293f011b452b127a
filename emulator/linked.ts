// Writing one display field of a linked record fills every field that hangs off the same foreign key, as the
// real server's views do (issue 2: "writing a display field resolves its linked fields").
import type {
  Category,
  Department,
  Group,
  Location,
  Priority,
  Requestor,
  Sla,
  Status,
  Technician,
  Values,
  WireValue,
} from './model.ts';
import { fullName } from './model.ts';

export function put(values: Values, seq: number, value: WireValue | null | undefined): void {
  if (value === null || value === undefined) Reflect.deleteProperty(values, String(seq));
  else values[seq] = value;
}

export function setGroup(values: Values, group: Group | null): void {
  put(values, 4, group?.seq);
  put(values, 34, group?.name);
}

export function setRequestor(
  values: Values,
  requestor: Requestor | null,
  location: Location | null,
  department: Department | null,
): void {
  put(values, 8, requestor?.seq);
  put(values, 36, requestor?.requestorId);
  put(values, 37, requestor?.firstName);
  put(values, 38, requestor?.lastName);
  put(values, 39, requestor?.phone);
  put(values, 40, requestor?.extension);
  put(values, 43, requestor?.title);
  put(values, 114, requestor?.email);
  put(values, 149, requestor ? fullName(requestor) : null);
  // A requestor brings their location and department unless the ticket already has one.
  if (requestor && location && values[14] === undefined) setLocation(values, location);
  if (requestor && department && values[15] === undefined) setDepartment(values, department);
}

export function setTechnician(values: Values, tech: Technician | null): void {
  put(values, 10, tech?.seq);
  put(values, 67, tech?.login);
  put(values, 68, tech?.firstName);
  put(values, 69, tech?.lastName);
  put(values, 70, tech?.phone);
  put(values, 71, tech?.extension);
  put(values, 157, tech ? fullName(tech) : null);
}

export function setCategory(values: Values, category: Category | null): void {
  put(values, 11, category?.seq);
  put(values, 72, category?.name);
  put(values, 164, category?.fullPath);
}

export function setLocation(values: Values, location: Location | null): void {
  put(values, 14, location?.seq);
  put(values, 49, location?.name);
  put(values, 53, location?.mainContact);
}

export function setDepartment(values: Values, department: Department | null): void {
  put(values, 15, department?.seq);
  put(values, 65, department?.name);
}

export function setSla(values: Values, sla: Sla | null): void {
  put(values, 75, sla?.seq);
  put(values, 91, sla?.name);
  put(values, 92, sla?.description);
}

export function setStatusFields(values: Values, status: Status): void {
  put(values, 95, status.seq);
  put(values, 96, status.name);
  put(values, 97, status.description);
}

export function setPriority(values: Values, priority: Priority | null): void {
  put(values, 106, priority?.seq);
  put(values, 107, priority?.name);
}

export function setOpenedBy(values: Values, tech: Technician, group: Group): void {
  put(values, 16, tech.seq);
  put(values, 66, tech.login);
  put(values, 124, group.name);
  put(values, 128, tech.firstName);
  put(values, 129, tech.lastName);
  put(values, 177, fullName(tech));
}

export function setClosedBy(
  values: Values,
  tech: Technician | null,
  group: Group | null,
  at: string | null,
): void {
  put(values, 17, tech?.seq);
  put(values, 18, at);
  put(values, 48, tech?.login);
  put(values, 125, group?.name);
  put(values, 130, tech?.firstName);
  put(values, 131, tech?.lastName);
}

export function setRespondedBy(values: Values, tech: Technician, at: string): void {
  put(values, 132, at);
  put(values, 150, tech.seq);
  put(values, 151, tech.login);
  put(values, 152, tech.firstName);
  put(values, 153, tech.lastName);
}
