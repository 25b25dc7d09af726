import{j as e}from"./index-D8xV0eQG.js";function s(){return e.jsx("section",{className:"page",children:e.jsx("h1",{children:"LoginPage"})})}export{s as default};
