import { InputField } from "@/components/ui/field";

export const NEW_PASSWORD_HINT = "At least 10 characters, mixing letters with numbers or symbols.";

/** A new password typed twice (reset and settings): `name` for the first, `confirmPassword` for the second. */
export function NewPasswordFields({
  name,
  errors,
}: {
  name: string;
  errors: Record<string, string[] | undefined>;
}) {
  return (
    <>
      <InputField
        label="New password"
        name={name}
        type="password"
        autoComplete="new-password"
        required
        errors={errors[name]}
        hint={NEW_PASSWORD_HINT}
      />
      <InputField
        label="New password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.confirmPassword}
      />
    </>
  );
}

/** The account's current password, as proof for a change; `id` keeps two such fields on one page apart. */
export function CurrentPasswordField({ id, errors }: { id: string; errors: string[] | undefined }) {
  return (
    <InputField
      id={id}
      label="Current password"
      name="currentPassword"
      type="password"
      autoComplete="current-password"
      required
      errors={errors}
    />
  );
}
