import{j as e}from"./index-n7roUzQ-.js";function a(){return e.jsx("section",{className:"page",children:e.jsx("h1",{children:"MePage"})})}export{a as default};
