// `npm run admin:reset-password -- EMAIL`: a new password for a locked-out account, printed once.
// Also clears the account's sign-in throttle. The shell on the server is the credential.
import { resetPasswordByEmail } from "@/lib/accounts";
import { AppError } from "@/lib/errors";
import { openToolDatabase } from "../tool-database";

export async function run(args: string[]): Promise<number> {
  const email = args[0];
  if (!email) {
    console.error("usage: npm run admin:reset-password -- EMAIL");
    return 2;
  }
  const db = openToolDatabase();
  try {
    const { user, password } = await resetPasswordByEmail(db, email);
    console.log(`outpost: new password for ${user.email}: ${password}`);
    console.log("outpost: it is shown once; every existing session of this account has ended.");
    if (user.disabledAt) console.log("outpost: note: this account is disabled; an admin must re-enable it.");
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`outpost: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    db.$client.close();
  }
}
