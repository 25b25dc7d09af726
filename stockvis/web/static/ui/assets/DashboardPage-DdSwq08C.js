import{j as a}from"./index-n7roUzQ-.js";function s(){return a.jsx("section",{className:"page",children:a.jsx("h1",{children:"DashboardPage"})})}export{s as default};
