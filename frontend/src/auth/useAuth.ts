// The signed-in state for components: status, the profile, and login/register/logout actions.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";

import { api, unwrap } from "../api/client";
import type { Schemas } from "../api/client";
import { adoptRefreshToken, getAuthStatus, signOut, subscribeAuth } from "./session";
import type { AuthStatus } from "./session";

export const ME_KEY = ["me"] as const;

export function useAuthStatus(): AuthStatus {
  return useSyncExternalStore(subscribeAuth, getAuthStatus);
}

export function useMe() {
  const status = useAuthStatus();
  return useQuery({
    queryKey: ME_KEY,
    queryFn: () => unwrap(api.GET("/api/v1/users/me/")),
    enabled: status === "signed-in",
    staleTime: 60_000,
  });
}

export function useAuthActions() {
  const queryClient = useQueryClient();
  const login = useCallback(
    async (body: Schemas["TokenObtainPairRequest"]) => {
      const pair = await unwrap(api.POST("/api/v1/users/login/", { body }));
      await adoptRefreshToken(pair.refresh);
      await queryClient.invalidateQueries();
    },
    [queryClient],
  );
  const register = useCallback(
    async (body: Schemas["RegisterRequest"]) => {
      const created = await unwrap(api.POST("/api/v1/users/register/", { body }));
      await adoptRefreshToken(created.refresh);
      queryClient.setQueryData(ME_KEY, created.user);
      await queryClient.invalidateQueries();
    },
    [queryClient],
  );
  const logout = useCallback(async () => {
    await signOut();
    queryClient.clear();
  }, [queryClient]);
  return { login, register, logout };
}
