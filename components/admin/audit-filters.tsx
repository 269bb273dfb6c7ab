import { Button, ButtonLink } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";

export interface AuditFilterOptions {
  actors: { id: string; name: string; email: string }[];
  kinds: { value: string; label: string }[];
}

/**
 * The audit log's filters: a plain GET form, so a filtered view is a link a marketer can share. The server reads
 * and checks the URL (lib/audit/filters.ts); its messages come back here beside each field.
 */
export function AuditFilterForm({
  values,
  errors,
  options,
  zone,
}: {
  values: Record<string, string>;
  errors: Record<string, string[] | undefined>;
  options: AuditFilterOptions;
  zone: string;
}) {
  const known = new Set(options.kinds.map((k) => k.value));
  const actorKnown = options.actors.some((a) => a.id === values.actor);
  return (
    <form
      method="get"
      action="/admin/audit"
      className="mb-6 grid grid-cols-1 gap-3 rounded-xl border border-ink-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-start"
      data-testid="audit-filters"
    >
      <SelectField label="Who" name="actor" defaultValue={values.actor ?? ""} errors={errors.actor}>
        <option value="">Every marketer</option>
        {values.actor && !actorKnown ? <option value={values.actor}>{values.actor}</option> : null}
        {options.actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name} ({a.email})
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Kind of change"
        name="kind"
        defaultValue={values.kind ?? ""}
        errors={errors.kind}
        options={options.kinds}
      >
        <option value="">Every kind</option>
        {values.kind && !known.has(values.kind) ? <option value={values.kind}>{values.kind}</option> : null}
      </SelectField>
      <InputField
        label={
          <>
            From <span className="font-normal text-ink-500">({zone})</span>
          </>
        }
        name="from"
        type="date"
        defaultValue={values.from ?? ""}
        errors={errors.from}
      />
      <InputField
        label={
          <>
            To <span className="font-normal text-ink-500">(inclusive)</span>
          </>
        }
        name="to"
        type="date"
        defaultValue={values.to ?? ""}
        errors={errors.to}
      />
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1 lg:pt-6">
        <Button type="submit" size="console">
          Filter
        </Button>
        <ButtonLink href="/admin/audit" variant="secondary" size="console">
          Clear
        </ButtonLink>
      </div>
    </form>
  );
}
