import{j as a}from"./index-y8VegCky.js";function s(){return a.jsx("section",{className:"page",children:a.jsx("h1",{children:"DashboardPage"})})}export{s as default};
