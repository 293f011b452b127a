import { deferredComponent } from '../../ui/deferred.ts';
import { DeferredMenu } from '../../ui/deferred-menu.tsx';
import { UserMenuButton } from './user-menu-button.tsx';

export interface UserMenuProps {
  /** The technician's full name, or the login when the server gave no name. */
  name: string;
  group: string;
  login: string;
  onSignOut: () => void;
  signingOut?: boolean;
}

const UserMenuPopup = deferredComponent(async () => (await import('./user-menu-popup.tsx')).UserMenuPopup);

/** Who is signed in (name and group), the theme, and `Sign out`; the dropdown's code comes after paint. */
export function UserMenu(props: UserMenuProps) {
  return (
    <DeferredMenu
      menu={UserMenuPopup}
      menuProps={props}
      renderButton={(standIn) => <UserMenuButton name={props.name} group={props.group} {...standIn} />}
    />
  );
}
