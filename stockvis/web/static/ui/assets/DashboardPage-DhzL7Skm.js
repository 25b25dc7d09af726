import{j as a}from"./index-D8xV0eQG.js";function s(){return a.jsx("section",{className:"page",children:a.jsx("h1",{children:"DashboardPage"})})}export{s as default};
