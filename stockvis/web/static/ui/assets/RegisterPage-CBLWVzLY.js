import{j as e}from"./index-n7roUzQ-.js";function r(){return e.jsx("section",{className:"page",children:e.jsx("h1",{children:"RegisterPage"})})}export{r as default};
