import { Suspense, useEffect, useRef, useState, type ReactElement, type Ref, type RefObject } from 'react';
import { whenIdle, type DeferredComponent } from './deferred.ts';

/** What a deferred menu's button gets before the menu's code has arrived. */
export interface MenuButtonStandIn {
  ref: Ref<HTMLButtonElement>;
  onClick: () => void;
  'aria-haspopup': 'menu';
  'aria-expanded': false;
}

/** What the loaded menu gets besides its own props. */
export interface LoadedMenuProps {
  /** Opened by a click on the stand-in button: open at once. */
  defaultOpened: boolean;
  /** The stand-in button had the focus: the real one takes it. */
  focusTarget: boolean;
}

export interface DeferredMenuProps<P extends object> {
  menu: DeferredComponent<P & LoadedMenuProps>;
  menuProps: P;
  /** The menu's button, the same one the loaded menu renders as its target. */
  renderButton: (standIn: MenuButtonStandIn) => ReactElement;
}

/**
 * A header menu whose dropdown code (Mantine's Menu, Popover and floating-ui: about 25 kB gzip) is fetched once
 * the page has painted and the browser is idle (issue 3 budget). Until then its button stands in, looking the
 * same; a click on it fetches the menu and opens it. When the code arrives the loaded menu takes the button's
 * place, with the focus if the button had it.
 */
export function DeferredMenu<P extends object>({ menu, menuProps, renderButton }: DeferredMenuProps<P>) {
  const standInRef = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState<LoadedMenuProps & { loaded: boolean }>({
    loaded: false,
    defaultOpened: false,
    focusTarget: false,
  });

  useEffect(
    () =>
      whenIdle(() => {
        void menu.preload().then(() =>
          setState((previous) =>
            previous.loaded
              ? previous
              : {
                  loaded: true,
                  defaultOpened: false,
                  focusTarget: standInRef.current !== null && standInRef.current === document.activeElement,
                },
          ),
        );
      }),
    [menu],
  );

  const standIn = renderButton({
    ref: standInRef,
    onClick: () => setState({ loaded: true, defaultOpened: true, focusTarget: true }),
    'aria-haspopup': 'menu',
    'aria-expanded': false,
  });
  if (!state.loaded) return standIn;
  return (
    <Suspense fallback={standIn}>
      <menu.Component {...menuProps} defaultOpened={state.defaultOpened} focusTarget={state.focusTarget} />
    </Suspense>
  );
}

/** For the loaded menu: a ref for its button, which takes the focus on mount when the stand-in had it. */
export function useLoadedMenuButton(focusTarget: boolean): RefObject<HTMLButtonElement | null> {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusTarget) ref.current?.focus();
  }, [focusTarget]);
  return ref;
}
