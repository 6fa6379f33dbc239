import { DeskLogin } from "./desk-login";
import { DeskShell } from "./desk-shell";

/** What every desk page shows to someone not signed in: the product's header and the sign-in form. */
export function SignedOutDesk({ setupRequired }: { setupRequired: boolean }) {
  return (
    <DeskShell user={null}>
      <DeskLogin setupRequired={setupRequired} />
    </DeskShell>
  );
}
