import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./App";
import { refreshAccess } from "./auth/session";
import "./styles/global.css";

// Ask for an access token from the sign-in cookie while the first page's code loads.
void refreshAccess();

const root = document.getElementById("root");
if (root === null) throw new Error("no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
